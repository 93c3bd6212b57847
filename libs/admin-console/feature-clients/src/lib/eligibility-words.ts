import type { EligibilityCheckView } from '@claimline/contracts/client-insurance';

/** The first line of a check: active or not (with the plan), or why the payer could not say. */
export function eligibilityHeadline(
  c: Pick<EligibilityCheckView, 'outcome' | 'planName' | 'rejections'>,
): string {
  switch (c.outcome) {
    case 'active':
      return `Active${c.planName ? ` — ${c.planName}` : ''}`;
    case 'inactive':
      return 'Not active on the date asked';
    case 'rejected':
      return `The payer could not answer: ${c.rejections.map((r) => r.reason).join('; ')}`;
    default:
      return 'The payer did not say whether coverage is active';
  }
}
