import type { AuthorizationView } from '@claimline/contracts/client-insurance';
import { authorizationWarnings, usesRemaining } from './authorization-rules';
import { AuthorizationEntity } from './entities/authorization.entity';

export function toAuthorizationView(a: AuthorizationEntity, today: string): AuthorizationView {
  return {
    id: a.id,
    practiceId: a.practiceId,
    clientId: a.clientId,
    policyId: a.policyId,
    number: a.number,
    usesAuthorized: a.usesAuthorized,
    usesConsumed: a.usesConsumed,
    usesRemaining: usesRemaining(a),
    validFrom: a.validFrom,
    validTo: a.validTo,
    active: a.active,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    warnings: authorizationWarnings(a, today),
  };
}
