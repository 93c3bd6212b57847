// Framework-free form rules: the same checks the server applies (from @claimline/domain), worded
// for a person typing. Each returns a message, or null when the value is acceptable.
import {
  isPoBox,
  parseEmail,
  parseNpi,
  parsePhone,
  parseTaxId,
  parseTaxonomyCode,
  parseZipCode,
  type TaxIdKind,
} from '@claimline/domain';
import type { Result } from '@claimline/domain';

function message<T>(result: Result<T>): string | null {
  return result.ok ? null : (result.problems[0]?.message ?? 'Invalid value');
}

/** Empty values pass: `required` is a separate rule. */
const blank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';

export const npiRule = (v: string | null | undefined): string | null =>
  blank(v) ? null : message(parseNpi(v as string));
export const phoneRule = (v: string | null | undefined): string | null =>
  blank(v) ? null : message(parsePhone(v as string));
export const emailRule = (v: string | null | undefined): string | null =>
  blank(v) ? null : message(parseEmail(v as string));
export const zipRule = (v: string | null | undefined): string | null =>
  blank(v) ? null : message(parseZipCode(v as string));
export const taxonomyRule = (v: string | null | undefined): string | null =>
  blank(v) ? null : message(parseTaxonomyCode(v as string));
export const taxIdRule =
  (kind: TaxIdKind) =>
  (v: string | null | undefined): string | null =>
    blank(v) ? null : message(parseTaxId(v as string, kind));
/** Refuses a PO box (or lock box, drawer…) where a street address is needed, with the reason given. */
export const poBoxRule =
  (message: string) =>
  (v: string | null | undefined): string | null =>
    !blank(v) && isPoBox(v as string) ? message : null;
/** A billing address must be a street address: payers send payments to a pay-to address instead. */
export const noPoBoxRule = poBoxRule(
  'A billing address cannot be a PO box; use a pay-to address for PO boxes',
);
/** A billing provider's ZIP needs all nine digits on a claim (the server says the same); a wrong ZIP is `zipRule`'s. */
export const zipPlus4Rule = (v: string | null | undefined): string | null => {
  if (blank(v)) return null;
  const zip = parseZipCode(v as string);
  if (!zip.ok || zip.value.length === 10) return null;
  return `Add the last four digits (ZIP+4, e.g. ${zip.value}-1234): payers require them on the billing address`;
};
