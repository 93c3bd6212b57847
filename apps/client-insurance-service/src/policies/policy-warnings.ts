import type { Warning } from '@claimline/contracts/client-insurance';
import { bcbsPolicyWarning, type BcbsFacts } from '../payers/bcbs';

/** What a policy's warnings are computed from: the policy, its payer and the client's other policies. */
export interface PolicyFacts {
  id: string;
  order: string;
  payerId: string;
  memberId: string;
}

/**
 * Things a biller should look at that are not errors, each with a code and a sentence:
 * - `bcbs_not_local`: a Blue Cross Blue Shield plan other than the practice's local one (BlueCard);
 * - `bcbs_prefix`: a BCBS member ID without its three-character prefix (payers route BlueCard
 *   claims by it; all-digit IDs are nearly always copied without it);
 * - `same_payer`: another of the client's current policies is with the same payer — it can be right
 *   (the client's own plan and a spouse's), but is most often one plan entered twice.
 */
export function policyWarnings(
  policy: PolicyFacts,
  payer: BcbsFacts,
  practiceState: string | null,
  others: readonly PolicyFacts[],
): Warning[] {
  const warnings: Warning[] = [];
  const local = bcbsPolicyWarning(payer, practiceState);
  if (local) warnings.push(local);
  if (payer.isBcbs && /^\d{3}/.test(policy.memberId))
    warnings.push({
      code: 'bcbs_prefix',
      message: `Blue Cross Blue Shield member IDs begin with a three-character prefix (letters, or letters and digits) printed on the card; ${policy.memberId} has none — check the card, or the claim is likely to be rejected`,
    });
  for (const other of others) {
    if (other.id === policy.id || other.payerId !== policy.payerId) continue;
    warnings.push({
      code: 'same_payer',
      message: `The ${other.order} policy is with ${payer.name} too: check these are two different plans (say, the client's own and a spouse's), not one plan entered twice`,
    });
  }
  return warnings;
}
