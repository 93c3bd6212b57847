import { fail, ok, type Result } from './result';

// prettier-ignore
export const US_STATE_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
  'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND',
  'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
export const US_DISTRICT_CODES = ['DC'] as const;
export const US_TERRITORY_CODES = ['AS', 'GU', 'MP', 'PR', 'VI'] as const;
/** USPS "states" of military mail (APO/FPO/DPO): Armed Forces Americas, Europe, Pacific. */
export const US_MILITARY_STATE_CODES = ['AA', 'AE', 'AP'] as const;

export const US_STATE_LIKE_CODES = [
  ...US_STATE_CODES,
  ...US_DISTRICT_CODES,
  ...US_TERRITORY_CODES,
  ...US_MILITARY_STATE_CODES,
] as const;
export type UsStateCode = (typeof US_STATE_LIKE_CODES)[number];

const STATE_SET: ReadonlySet<string> = new Set(US_STATE_LIKE_CODES);

export function isUsStateCode(value: string): value is UsStateCode {
  return STATE_SET.has(value);
}

/** Accepts a two-letter USPS code in any case (states, DC, territories, military). */
export function parseUsStateCode(input: string): Result<UsStateCode> {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('state.missing', 'State is missing');
  if (!isUsStateCode(code))
    return fail('state.unknown', `${input.trim()} is not a US state or territory code`);
  return ok(code);
}

/** ZIP or ZIP+4; `12345`, `12345-6789`, `12345 6789` or `123456789`; returns `12345` or `12345-6789`. */
export function parseZipCode(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return fail('zip.missing', 'ZIP code is missing');
  const match = /^(\d{5})(?:[\s-]?(\d{4}))?$/.exec(text);
  if (!match) return fail('zip.format', `ZIP code ${text} must be 5 digits, or 9 written as 12345-6789`);
  return ok(match[2] ? `${match[1]}-${match[2]}` : match[1]);
}

/**
 * Shapes of post-office, lock and private mailboxes, tested against an upper-cased line with
 * dots and slashes turned into spaces. A claim's billing address must be a street address, so a
 * false "yes" only asks for a second look while a false "no" gets claims rejected; look-alikes
 * such as "Boxwood Rd", "Box Elder St", "Post Office Sq" and "123 Postal Way" are left alone.
 */
const PO_BOX_PATTERNS: readonly RegExp[] = [
  /\bP\s*O\s*(?:BOX|BX|B)\b/, // PO Box, P.O. Box, P O Box, POBox, PO Bx, POB
  /\bP\s*O\s*DRAWER\b/,
  /\bPOST\s*OFFICE\s*(?:BOX|BX|DRAWER)\b/,
  /\bPOST(?:AL)?\s*BOX\b/,
  /\bLOCK\s*BOX\b/,
  /\bCALLER\s*BOX\b/,
  /\bFIRM\s*CALLER\b/,
  /\bDRAWER\s*#?\s*\d/,
  /\bBOX\s*#?\s*\d/, // "Box 123", including rural-route boxes ("RR 2 Box 10"), which are not street addresses either
  /\bPMB\b/, // private mailbox at a mail store: a rented box, not the practice's location
  /\bPRIVATE\s*MAIL\s*BOX\b/,
];

export function isPoBox(addressLine: string): boolean {
  const line = addressLine.toUpperCase().replace(/[./\\,]/g, ' ');
  return PO_BOX_PATTERNS.some((pattern) => pattern.test(line));
}
