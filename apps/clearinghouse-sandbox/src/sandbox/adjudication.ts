import type { CasAdjustment } from '@claimline/x12';

/**
 * The sandbox's adjudication model: small, deterministic and keyed on the member ID, so tests
 * and demos can reach every path. Not a payer's rules: round numbers that are easy to check.
 *
 * - allowed amount: 80 % of each line's charge (rounded to the cent); the rest is a contractual
 *   adjustment CO-45 (the charge is above the fee the payer allows);
 * - default cost share: coinsurance of 20 % of the allowed amount (PR-2);
 * - member ID prefixes (case-insensitive) choose another path, see MEMBER_PATHS.
 */
export const ALLOWED_RATE = 0.8;
export const COINSURANCE_RATE = 0.2;
/** `DED` members: the first $100.00 of each claim's allowed amount goes to the deductible. */
export const DEDUCTIBLE_CENTS = 10_000;
/** `COP` members: a copay of $20.00 per line (no coinsurance), at most the line's allowed amount. */
export const COPAY_CENTS = 2_000;

export type ClaimPath = 'rejected' | 'denied' | 'partial' | 'deductible' | 'copay' | 'paid';

/** Member ID prefix → what happens to the claim, in our words (the README repeats this table). */
export const MEMBER_PATHS: readonly { prefix: string; path: ClaimPath; what: string }[] = [
  { prefix: 'REJ', path: 'rejected', what: '277CA rejects it (A3, status 33: subscriber not found); no 835' },
  {
    prefix: 'DEN',
    path: 'denied',
    what: '835 denies it: CLP02 4, every line CO-96 (not covered) with remark N130',
  },
  {
    prefix: 'PART',
    path: 'partial',
    what: '835 pays the first line only; later lines CO-97 (paid within another service) with remark M15; a one-line claim has half its allowed amount cut with CO-119 (benefit maximum reached)',
  },
  {
    prefix: 'DED',
    path: 'deductible',
    what: 'the first $100.00 allowed goes to the deductible (PR-1), then 20 % coinsurance',
  },
  { prefix: 'COP', path: 'copay', what: '$20.00 copay per line (PR-3), no coinsurance' },
];

export function pathOf(memberId: string): ClaimPath {
  const id = memberId.trim().toUpperCase();
  return MEMBER_PATHS.find((p) => id.startsWith(p.prefix))?.path ?? 'paid';
}

export interface LineToAdjudicate {
  readonly charge: number;
}

export interface AdjudicatedLine {
  readonly charge: number;
  readonly allowed: number;
  readonly paid: number;
  readonly adjustments: CasAdjustment[];
  readonly remarks: string[];
}

export interface AdjudicatedClaim {
  /** CLP02: 1 processed as primary, 4 denied. */
  readonly statusCode: '1' | '4';
  readonly charge: number;
  readonly paid: number;
  readonly patientResponsibility: number;
  readonly lines: AdjudicatedLine[];
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Adjudicates one claim's lines (cents); every line balances: charge − paid = its adjustments. */
export function adjudicate(memberId: string, lines: readonly LineToAdjudicate[]): AdjudicatedClaim {
  const path = pathOf(memberId);
  if (path === 'rejected') throw new RangeError('a claim rejected at acknowledgment is never adjudicated');
  let deductibleLeft = path === 'deductible' ? DEDUCTIBLE_CENTS : 0;
  const out = lines.map((line, index): AdjudicatedLine => {
    const charge = line.charge;
    if (path === 'denied')
      return {
        charge,
        allowed: 0,
        paid: 0,
        adjustments: [{ group: 'CO', reason: '96', amount: charge }],
        remarks: ['N130'],
      };
    const allowed = Math.round(charge * ALLOWED_RATE);
    const adjustments: CasAdjustment[] = [];
    const remarks: string[] = [];
    if (charge > allowed) adjustments.push({ group: 'CO', reason: '45', amount: charge - allowed });
    if (path === 'partial' && index > 0) {
      adjustments.push({ group: 'CO', reason: '97', amount: allowed });
      remarks.push('M15');
      return { charge, allowed, paid: 0, adjustments, remarks };
    }
    let covered = allowed;
    if (path === 'partial' && lines.length === 1) {
      const cut = Math.floor(allowed / 2);
      adjustments.push({ group: 'CO', reason: '119', amount: cut });
      covered -= cut;
    }
    let patient = 0;
    if (path === 'copay') {
      const copay = Math.min(COPAY_CENTS, covered);
      if (copay) adjustments.push({ group: 'PR', reason: '3', amount: copay });
      patient += copay;
    } else {
      const deductible = Math.min(deductibleLeft, covered);
      deductibleLeft -= deductible;
      if (deductible) adjustments.push({ group: 'PR', reason: '1', amount: deductible });
      const coinsurance = Math.round((covered - deductible) * COINSURANCE_RATE);
      if (coinsurance) adjustments.push({ group: 'PR', reason: '2', amount: coinsurance });
      patient += deductible + coinsurance;
    }
    return { charge, allowed, paid: covered - patient, adjustments, remarks };
  });
  return {
    statusCode: path === 'denied' ? '4' : '1',
    charge: sum(out.map((l) => l.charge)),
    paid: sum(out.map((l) => l.paid)),
    patientResponsibility: sum(
      out.flatMap((l) => l.adjustments.filter((a) => a.group === 'PR').map((a) => a.amount)),
    ),
    lines: out,
  };
}
