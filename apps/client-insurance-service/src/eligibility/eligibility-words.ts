import type {
  EligibilityCheckView,
  EligibilityCostShareView,
  EligibilityOutcome,
  EligibilityRejectionView,
} from '@claimline/contracts/client-insurance';
import type { CostShare, CoverageSummary, Rejection } from '@claimline/x12';

/** What is stored (encrypted) of an answer: the view without its ids and dates. */
export type EligibilityDetails = Omit<
  EligibilityCheckView,
  'id' | 'practiceId' | 'policyId' | 'clientId' | 'date' | 'checkedAt' | 'outcome'
>;

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function network(n: CostShare['inNetwork']): string {
  if (n === true) return 'in network';
  if (n === false) return 'out of network';
  if (n === 'both') return 'in and out of network';
  return '';
}

function period(p: string | undefined): string {
  return p ? p.toLowerCase() : '';
}

/** One cost-share line in words, e.g. "$20.00 per visit, in network" or "$125.50 left, in network". */
export function costShareText(
  kind: 'copay' | 'coinsurance' | 'deductible' | 'out-of-pocket',
  s: CostShare,
): string {
  const parts: string[] = [];
  const value =
    s.percent !== undefined
      ? `${Math.round(s.percent * 1000) / 10} %`
      : s.amount !== undefined
        ? dollars(s.amount)
        : '';
  if (s.remaining) parts.push(`${value} left`);
  else if (kind === 'copay' && s.period) parts.push(`${value} per ${period(s.period)}`);
  else if (s.period && kind !== 'coinsurance') parts.push(`${value} per ${period(s.period)}`);
  else parts.push(value);
  const where = network(s.inNetwork);
  return [parts.join(''), where].filter(Boolean).join(', ');
}

function shares(
  kind: Parameters<typeof costShareText>[0],
  list: readonly CostShare[],
): EligibilityCostShareView[] {
  return list.map((s) => ({
    amountCents: s.amount ?? null,
    percent: s.percent ?? null,
    remaining: s.remaining,
    period: s.period ?? null,
    inNetwork: s.inNetwork ?? null,
    serviceTypes: [...s.serviceTypes],
    text: costShareText(kind, s),
  }));
}

export function rejectionView(r: Rejection): EligibilityRejectionView {
  return { level: r.level, code: r.code, reason: r.reason, followUpAction: r.followUpAction ?? null };
}

export function outcomeOf(active: boolean | undefined, rejections: readonly unknown[]): EligibilityOutcome {
  if (active === true) return 'active';
  if (active === false) return 'inactive';
  return rejections.length ? 'rejected' : 'unknown';
}

/** The answer in sentences for the console, most important first. */
export function sentences(
  d: Omit<EligibilityDetails, 'summary'>,
  outcome: EligibilityOutcome,
  date: string,
): string[] {
  const out: string[] = [];
  if (outcome === 'active') out.push(`Coverage is active on ${date}${d.planName ? ` (${d.planName})` : ''}.`);
  else if (outcome === 'inactive') out.push(`Coverage is not active on ${date}.`);
  else if (outcome === 'rejected')
    out.push(`The payer could not answer: ${d.rejections.map((r) => r.reason).join('; ')}.`);
  else out.push(`The payer did not say whether coverage is active on ${date}.`);
  if (d.notCovered) out.push('Behavioural health services are not covered.');
  const line = (label: string, list: EligibilityCostShareView[]) => {
    if (list.length) out.push(`${label}: ${list.map((s) => s.text).join('; ')}.`);
  };
  line('Copay', d.copays);
  line('Coinsurance', d.coinsurance);
  line('Deductible', d.deductibles);
  line('Out-of-pocket maximum', d.outOfPocket);
  if (d.priorAuthorizationRequired === true) out.push('Prior authorization is required.');
  else if (d.priorAuthorizationRequired === false) out.push('No prior authorization is required.');
  for (const r of d.rejections) if (r.followUpAction) out.push(`${r.reason}: ${r.followUpAction}.`);
  return out;
}

/** The details of an answer (one member's coverage, or the payer's rejections when it had no member). */
export function detailsOf(
  payerName: string,
  date: string,
  summary: CoverageSummary | undefined,
  requestRejections: readonly Rejection[],
): { outcome: EligibilityOutcome; details: EligibilityDetails } {
  const rejections = [...requestRejections, ...(summary?.rejections ?? [])].map(rejectionView);
  const outcome = outcomeOf(summary?.active, rejections);
  const base = {
    active: summary?.active ?? null,
    payerName,
    planName: summary?.planName ?? null,
    copays: shares('copay', summary?.copays ?? []),
    coinsurance: shares('coinsurance', summary?.coinsurance ?? []),
    deductibles: shares('deductible', summary?.deductibles ?? []),
    outOfPocket: shares('out-of-pocket', summary?.outOfPocket ?? []),
    priorAuthorizationRequired: summary?.priorAuthorizationRequired ?? null,
    notCovered: summary?.notCovered ?? false,
    messages: [...(summary?.messages ?? [])],
    rejections,
  };
  return { outcome, details: { ...base, summary: sentences(base, outcome, date) } };
}
