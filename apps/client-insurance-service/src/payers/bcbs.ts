import type { Warning } from '@claimline/contracts/client-insurance';
import { bcbsWarning, type Payer } from '@claimline/reference-data';
import type { PayerEntity } from './entities/payer.entity';

export type BcbsFacts = Pick<PayerEntity, 'id' | 'key' | 'name' | 'isBcbs' | 'states' | 'payerIds' | 'kind'>;

/**
 * BlueCard: claims for any BCBS member go to the plan local to the practice. The directory row
 * decides locality (staff may add or edit plans); the wording and the name of the local plan come
 * from `bcbsWarning` in @claimline/reference-data. No practice state known → no warning.
 */
export function bcbsPolicyWarning(payer: BcbsFacts, practiceState: string | null): Warning | null {
  if (!payer.isBcbs || !practiceState) return null;
  const state = practiceState.trim().toUpperCase();
  if (payer.states.includes(state)) return null;
  const asReference: Payer = {
    key: payer.key ?? `directory:${payer.id}`,
    name: payer.name,
    payerIds: { ...payer.payerIds, default: payer.payerIds['default'] ?? '' },
    kind: payer.kind,
    states: payer.states as Payer['states'],
    isBcbs: true,
    claimFilingEnrollmentRequired: false,
    eraSupported: false,
    eraEnrollmentRequired: false,
    idVerified: false,
    requirementsVerified: false,
    source: 'directory',
  };
  const message =
    bcbsWarning(asReference, state) ??
    `${payer.name} is not the Blue Cross Blue Shield plan local to your practice (${state}); choose the local plan.`;
  return { code: 'bcbs_not_local', message };
}
