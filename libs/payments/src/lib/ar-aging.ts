/**
 * Accounts-receivable aging, a pure function over claims and what was posted on them.
 *
 * Age is counted from the date of service (the claim's first), not from the submission or the
 * last statement: it is the one date every claim has, does not move when a claim is resubmitted,
 * and is what timely-filing and most payer reports count from. A claim's insurance balance and
 * its client balance are kept apart: the insurance balance is the charge less what insurance
 * paid, wrote off or adjusted and less what it moved to the client; the client balance is what
 * was moved to the client less what the client paid or was forgiven. Events after the as-of
 * date are ignored, and so are claims with a later date of service.
 */

export type AgingEventKind =
  | 'insurance_payment'
  | 'insurance_adjustment'
  | 'client_responsibility'
  | 'client_payment'
  | 'client_adjustment';

export interface AgingEvent {
  readonly date: string;
  readonly kind: AgingEventKind;
  /** Cents, as posted (a reversal is negative). */
  readonly amount: number;
}

export interface AgingClaim {
  readonly claimId: string;
  readonly clientId: string;
  readonly payerId: string;
  readonly serviceDate: string;
  readonly charge: number;
  readonly events: readonly AgingEvent[];
}

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type BucketAmounts = Record<AgingBucket, number> & { total: number };

export interface AgingRow {
  readonly id: string;
  readonly buckets: BucketAmounts;
  readonly claimCount: number;
}

export interface AgingReport {
  readonly asOf: string;
  readonly insurance: BucketAmounts;
  readonly client: BucketAmounts;
  /** Insurance balances per payer, largest first. */
  readonly byPayer: readonly AgingRow[];
  /** Client balances per client, largest first. */
  readonly byClient: readonly AgingRow[];
  /** Total A/R ÷ average daily charges over the `daysInArWindow` days up to the as-of date. */
  readonly daysInAr: number | null;
  /** Share of the total A/R (insurance + client) older than 90 days, 0–1. */
  readonly shareOver90: number;
  readonly total: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date, without building a Date for each claim. */
function dayNumber(iso: string): number {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

const emptyBuckets = (): BucketAmounts => ({
  '0-30': 0,
  '31-60': 0,
  '61-90': 0,
  '91-120': 0,
  '120+': 0,
  total: 0,
});

function bucketOf(age: number): AgingBucket {
  if (age <= 30) return '0-30';
  if (age <= 60) return '31-60';
  if (age <= 90) return '61-90';
  if (age <= 120) return '91-120';
  return '120+';
}

function add(into: BucketAmounts, bucket: AgingBucket, amount: number): void {
  into[bucket] += amount;
  into.total += amount;
}

export interface AgingOptions {
  /** Days of charges the days-in-A/R average is taken over. Default 90. */
  readonly daysInArWindow?: number;
}

export function arAging(
  claims: readonly AgingClaim[],
  asOf: string,
  options: AgingOptions = {},
): AgingReport {
  const today = dayNumber(asOf);
  const window = options.daysInArWindow ?? 90;
  const insurance = emptyBuckets();
  const client = emptyBuckets();
  const payers = new Map<string, { buckets: BucketAmounts; claimCount: number }>();
  const clients = new Map<string, { buckets: BucketAmounts; claimCount: number }>();
  let recentCharges = 0;
  for (const c of claims) {
    if (c.serviceDate > asOf) continue;
    const age = today - dayNumber(c.serviceDate);
    if (age < window) recentCharges += c.charge;
    let ins = c.charge;
    let cli = 0;
    for (const e of c.events) {
      if (e.date > asOf) continue;
      switch (e.kind) {
        case 'insurance_payment':
        case 'insurance_adjustment':
          ins -= e.amount;
          break;
        case 'client_responsibility':
          ins -= e.amount;
          cli += e.amount;
          break;
        case 'client_payment':
        case 'client_adjustment':
          cli -= e.amount;
          break;
      }
    }
    const bucket = bucketOf(age);
    if (ins !== 0) {
      add(insurance, bucket, ins);
      let row = payers.get(c.payerId);
      if (!row) payers.set(c.payerId, (row = { buckets: emptyBuckets(), claimCount: 0 }));
      add(row.buckets, bucket, ins);
      row.claimCount++;
    }
    if (cli !== 0) {
      add(client, bucket, cli);
      let row = clients.get(c.clientId);
      if (!row) clients.set(c.clientId, (row = { buckets: emptyBuckets(), claimCount: 0 }));
      add(row.buckets, bucket, cli);
      row.claimCount++;
    }
  }
  const rows = (m: Map<string, { buckets: BucketAmounts; claimCount: number }>): AgingRow[] =>
    [...m]
      .map(([id, r]) => ({ id, ...r }))
      .sort((a, b) => b.buckets.total - a.buckets.total || (a.id < b.id ? -1 : 1));
  const total = insurance.total + client.total;
  const over90 = insurance['91-120'] + insurance['120+'] + client['91-120'] + client['120+'];
  const daily = recentCharges / window;
  return {
    asOf,
    insurance,
    client,
    byPayer: rows(payers),
    byClient: rows(clients),
    daysInAr: daily > 0 ? Math.round((total / daily) * 10) / 10 : null,
    shareOver90: total > 0 ? over90 / total : 0,
    total,
  };
}
