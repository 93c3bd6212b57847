import { EntityManager } from 'typeorm';
import type { ClaimsEvents } from '@claimline/contracts/claims';
import { servicePrincipal } from '@claimline/contracts/common';
import type { ClaimAdjudicatedEvent } from '@claimline/contracts/payments';
import { CLAIM_MOVE_WORDS, checkClaimMove } from '@claimline/domain';
import { Outbox } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClaimStatusHistoryEntity } from '../claims/entities/claim-status-history.entity';

const outbox = new Outbox<ClaimsEvents>(SCHEMA);
/** Who moved the claim: payments, through its event. */
const PAYMENTS = servicePrincipal('payments', []);

/**
 * Applies an ERA's result to the claim: the move payments named (`era_paid`, `era_denied`,
 * `era_deductible`) when the status machine allows it, recorded in the history with the
 * `claims.claim.status-changed` event; a move it refuses (the claim was voided meanwhile, or is
 * already there) is recorded in the history too, with why, and the status stays.
 */
export async function applyAdjudication(m: EntityManager, e: ClaimAdjudicatedEvent): Promise<void> {
  if (!e.move) return;
  const claim = await m.findOne(ClaimEntity, {
    where: { id: e.claimId, practiceId: e.practiceId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!claim) return; // a claim filed outside Claimline's claims, or of another practice: nothing to move
  const from = claim.status;
  const check = checkClaimMove(from, e.move);
  const actorId = 'service:payments';
  if (!check.ok) {
    await m.insert(ClaimStatusHistoryEntity, {
      claimId: claim.id,
      fromStatus: from,
      toStatus: from,
      move: `${e.move}_refused`,
      reason: `ERA result not applied (${e.result}, paid ${(e.paidCents / 100).toFixed(2)}): ${check.message}`,
      findingCodes: [check.code],
      actorId,
    });
    return;
  }
  claim.status = check.to;
  await m.save(claim);
  await m.insert(ClaimStatusHistoryEntity, {
    claimId: claim.id,
    fromStatus: from,
    toStatus: claim.status,
    move: e.move,
    reason: CLAIM_MOVE_WORDS[e.move],
    findingCodes: [],
    actorId,
  });
  await outbox.add(m, PAYMENTS, {
    type: 'claims.claim.status-changed',
    aggregateId: claim.id,
    practiceId: claim.practiceId,
    data: {
      id: claim.id,
      practiceId: claim.practiceId,
      clientId: claim.clientId,
      from,
      to: claim.status,
      move: e.move,
      version: claim.version,
    },
  });
}
