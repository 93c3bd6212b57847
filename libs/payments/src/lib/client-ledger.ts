import type { ClaimPosting, TransactionPlan } from './posting-model';

/**
 * A client's ledger: what the client owes and what they paid. Positive entries add to the
 * balance (self-pay fees, client responsibility an ERA assigned), negative ones take from it
 * (payments, discounts, a reversed ERA's client responsibility). Amounts are integer cents.
 */
export type LedgerEntryKind = 'self_pay_fee' | 'client_responsibility' | 'payment' | 'adjustment';

export interface LedgerEntry {
  readonly clientId: string;
  readonly kind: LedgerEntryKind;
  readonly amount: number;
  readonly date: string;
  readonly claimId?: string;
  /** The ERA posting it comes from (`postingKey`), for client responsibility. */
  readonly postingKey?: string;
  /** For a reversal: the posting whose client responsibility it takes back. */
  readonly reverses?: string;
}

export interface ClientLedger {
  readonly clientId: string;
  readonly entries: readonly LedgerEntry[];
  readonly totals: Readonly<Record<LedgerEntryKind, number>>;
  readonly balance: number;
}

/**
 * Client-responsibility entries of a planned transaction (nothing for a held or duplicate one),
 * from `postings` when `PlanOptions.onPlanned` took them:
 * one per posting with PR amounts. A reversal posting carries the negative PR of the payment it
 * undoes, so the client's balance follows the payer's correction.
 */
export function clientResponsibilityEntries(
  plan: TransactionPlan,
  postings: readonly ClaimPosting[] = plan.postings,
): LedgerEntry[] {
  if (plan.status !== 'post') return [];
  const date = plan.header.payment.date ?? plan.header.productionDate ?? '';
  const out: LedgerEntry[] = [];
  for (const p of postings) {
    const amount = p.clientResponsibility.total;
    if (amount === 0) continue;
    const e: LedgerEntry = {
      clientId: p.clientId,
      kind: 'client_responsibility',
      amount,
      date,
      claimId: p.claimId,
      postingKey: p.postingKey,
    };
    out.push(p.reverses ? { ...e, reverses: p.reverses } : e);
  }
  return out;
}

/** Client responsibility per client: the sum of the entries' amounts (a reversal's are negative). */
export function clientResponsibilityByClient(entries: readonly LedgerEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries)
    if (e.kind === 'client_responsibility') out.set(e.clientId, (out.get(e.clientId) ?? 0) + e.amount);
  return out;
}

export interface LedgerProblem {
  readonly index: number;
  readonly message: string;
}

const SIGN: Readonly<Record<LedgerEntryKind, 'plus' | 'minus' | 'any'>> = {
  self_pay_fee: 'plus',
  client_responsibility: 'any',
  payment: 'minus',
  adjustment: 'any',
};

/**
 * Builds a client's ledger and checks it: every amount whole cents of the right sign and of this
 * client, and the balance equal both to the sum of the entries and to the sum of the totals per
 * kind. `expectedBalance`, when given (the stored balance), must equal it too.
 */
export function buildClientLedger(
  clientId: string,
  entries: readonly LedgerEntry[],
  expectedBalance?: number,
): { ledger: ClientLedger; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const totals: Record<LedgerEntryKind, number> = {
    self_pay_fee: 0,
    client_responsibility: 0,
    payment: 0,
    adjustment: 0,
  };
  let balance = 0;
  entries.forEach((e, index) => {
    if (e.clientId !== clientId)
      problems.push({ index, message: `entry ${index} belongs to another client` });
    if (!Number.isSafeInteger(e.amount))
      return problems.push({ index, message: `entry ${index}: ${e.amount} is not a whole number of cents` });
    const sign = SIGN[e.kind];
    if (sign === undefined)
      return problems.push({ index, message: `entry ${index}: unknown kind ${e.kind}` });
    if ((sign === 'plus' && e.amount < 0) || (sign === 'minus' && e.amount > 0))
      problems.push({
        index,
        message: `entry ${index}: a ${e.kind} is ${sign === 'plus' ? 'never negative' : 'never positive'}`,
      });
    totals[e.kind] += e.amount;
    balance += e.amount;
  });
  const byKind = totals.self_pay_fee + totals.client_responsibility + totals.payment + totals.adjustment;
  if (byKind !== balance)
    problems.push({ index: -1, message: `totals per kind ${byKind} ≠ balance ${balance}` });
  if (expectedBalance !== undefined && expectedBalance !== balance)
    problems.push({
      index: -1,
      message: `stored balance ${expectedBalance} ≠ sum of the entries ${balance}`,
    });
  return { ledger: { clientId, entries, totals, balance }, problems };
}
