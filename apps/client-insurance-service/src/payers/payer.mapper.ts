import type { PayerView } from '@claimline/contracts/client-insurance';
import { PayerEntity } from './entities/payer.entity';

export function toPayerView(p: PayerEntity): PayerView {
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    aliases: p.aliases,
    payerIds: p.payerIds,
    kind: p.kind,
    states: p.states,
    region: p.region,
    isBcbs: p.isBcbs,
    claimFilingEnrollmentRequired: p.claimFilingEnrollmentRequired,
    eraSupported: p.eraSupported,
    eraEnrollmentRequired: p.eraEnrollmentRequired,
    verified: p.verified,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
