import type { EntityManager } from 'typeorm';
import { principalId, type Principal, servicePrincipal } from '@claimline/contracts/common';
import { type ClaimsEvents, ClaimsEventTypes as Events } from '@claimline/contracts/claims';
import { checkClaimMove, type ClaimMove } from '@claimline/domain';
import type { Outbox } from '@claimline/backend/util-nats';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClaimStatusHistoryEntity } from '../claims/entities/claim-status-history.entity';

/** Who moves claims on the clearinghouse's answers: this service itself. */
export const CLEARINGHOUSE_ACTOR: Principal = servicePrincipal('claims', ['clearinghouse']);

/**
 * Moves a locked claim through `checkClaimMove`, with its history row (the reason in words) and
 * `claims.claim.status-changed` in the caller's transaction, as ClaimsService does. Answers false,
 * changing nothing, when the move is not allowed from the claim's status (an answer that came late).
 */
export async function moveClaim(
  m: EntityManager,
  outbox: Outbox<ClaimsEvents>,
  actor: Principal,
  claim: ClaimEntity,
  move: ClaimMove,
  reason: string,
): Promise<boolean> {
  const check = checkClaimMove(claim.status, move);
  if (!check.ok) return false;
  const from = claim.status;
  claim.status = check.to;
  await m.save(ClaimEntity, claim);
  await m.insert(ClaimStatusHistoryEntity, {
    claimId: claim.id,
    fromStatus: from,
    toStatus: claim.status,
    move,
    reason,
    findingCodes: [],
    actorId: principalId(actor),
  });
  await outbox.add(m, actor, {
    type: Events.claimStatusChanged,
    aggregateId: claim.id,
    practiceId: claim.practiceId,
    data: {
      id: claim.id,
      practiceId: claim.practiceId,
      clientId: claim.clientId,
      from,
      to: claim.status,
      move,
      version: claim.version,
    },
  });
  return true;
}
