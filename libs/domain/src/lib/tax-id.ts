import { fail, failAll, ok, type Problem, type Result } from './result';

export const TAX_ID_KINDS = ['ein', 'ssn'] as const;
export type TaxIdKind = (typeof TAX_ID_KINDS)[number];

export interface TaxId {
  kind: TaxIdKind;
  /** The nine digits, no separators: what is stored and what goes on a claim (REF*EI / REF*SY). */
  digits: string;
  /** `12-3456789` for an EIN, `123-45-6789` for an SSN. */
  formatted: string;
}

/**
 * Prefixes the IRS assigns to EINs, from the IRS page "How EINs are assigned and valid EIN
 * prefixes" (irs.gov). Anything else (00, 07–09, 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)
 * has never been issued, so it is a typing mistake.
 */
const EIN_PREFIX_RANGES: ReadonlyArray<readonly [number, number]> = [
  [1, 6],
  [10, 16],
  [20, 27],
  [30, 48],
  [50, 68],
  [71, 77],
  [80, 88],
  [90, 95],
  [98, 99],
];

export function isValidEinPrefix(prefix: string): boolean {
  if (!/^\d{2}$/.test(prefix)) return false;
  const n = Number(prefix);
  return EIN_PREFIX_RANGES.some(([from, to]) => n >= from && n <= to);
}

/** Digit-group lengths a person may type, and the kind each layout implies (undefined: either). */
const LAYOUTS: ReadonlyArray<{ groups: string; kind?: TaxIdKind }> = [
  { groups: '9' },
  { groups: '2,7', kind: 'ein' },
  { groups: '3,2,4', kind: 'ssn' },
  // The seed guide tells users to type SSNs as XXX-XXXXXX, so that form must be accepted.
  { groups: '3,6', kind: 'ssn' },
];

const LABEL: Record<TaxIdKind, string> = { ein: 'EIN', ssn: 'SSN' };

/**
 * Parses a Tax ID typed with or without dashes or spaces. Without `kind`, the layout decides
 * (`12-3456789` is an EIN, `123-45-6789` an SSN); nine bare digits are refused rather than guessed,
 * because sending an SSN as an EIN (or the reverse) gets the claim rejected.
 */
export function parseTaxId(input: string, kind?: TaxIdKind): Result<TaxId> {
  const text = input.trim();
  const label = kind ? LABEL[kind] : 'Tax ID';
  if (text === '') return fail('tax_id.missing', `${label} is missing`);
  if (!/^[\d\s-]+$/.test(text)) {
    return fail('tax_id.non_digit', `${label} ${text} may contain only digits, dashes and spaces`);
  }
  const groups = text.split(/[\s-]+/).filter((g) => g !== '');
  const digits = groups.join('');
  if (digits.length !== 9) {
    return fail('tax_id.length', `${label} ${text} must have 9 digits; it has ${digits.length}`);
  }
  const layout = LAYOUTS.find((l) => l.groups === groups.map((g) => g.length).join(','));
  if (!layout) {
    return fail(
      'tax_id.format',
      `${label} ${text} is not written the usual way: use 12-3456789 for an EIN or 123-45-6789 for an SSN`,
    );
  }
  if (kind && layout.kind && layout.kind !== kind) {
    return fail(
      'tax_id.kind_mismatch',
      `${text} is written like an ${LABEL[layout.kind]}, but ${LABEL[kind]} was chosen`,
    );
  }
  const resolved = kind ?? layout.kind;
  if (!resolved) {
    return fail('tax_id.kind_unknown', `Say whether ${text} is an EIN or an SSN`);
  }
  const problems = resolved === 'ein' ? einProblems(digits) : ssnProblems(digits);
  if (problems.length > 0) return failAll(problems);
  return ok({ kind: resolved, digits, formatted: formatTaxId(resolved, digits) });
}

function einProblems(digits: string): Problem[] {
  const prefix = digits.slice(0, 2);
  return isValidEinPrefix(prefix)
    ? []
    : [
        {
          code: 'ein.prefix',
          message: `An EIN cannot start with ${prefix}; the IRS never issues that prefix`,
        },
      ];
}

function ssnProblems(digits: string): Problem[] {
  const problems: Problem[] = [];
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) {
    problems.push({ code: 'ssn.area', message: 'An SSN cannot start with 000, 666 or 900–999' });
  }
  if (digits.slice(3, 5) === '00') {
    problems.push({ code: 'ssn.group', message: 'The middle two digits of an SSN cannot be 00' });
  }
  if (digits.slice(5) === '0000') {
    problems.push({ code: 'ssn.serial', message: 'The last four digits of an SSN cannot be 0000' });
  }
  return problems;
}

/** Shows nine digits the standard way for their kind. */
export function formatTaxId(kind: TaxIdKind, digits: string): string {
  return kind === 'ein'
    ? `${digits.slice(0, 2)}-${digits.slice(2)}`
    : `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/**
 * Hides all but the last four digits of an SSN (`***-**-6789`). An EIN is a business's public
 * identifier, so it is shown whole unless `maskEin` is set (`**-***6789`).
 */
export function maskTaxId(
  taxId: Pick<TaxId, 'kind' | 'digits'>,
  options: { maskEin?: boolean } = {},
): string {
  const last4 = taxId.digits.slice(-4);
  if (taxId.kind === 'ssn') return `***-**-${last4}`;
  return options.maskEin ? `**-***${last4}` : formatTaxId('ein', taxId.digits);
}
