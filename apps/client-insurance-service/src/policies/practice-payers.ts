import { EntityManager } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes as Events,
} from '@claimline/contracts/client-insurance';
import { Outbox } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';

/**
 * Recomputes the set of payers the practice has (non-removed) policies with and, when it
 * changed, stores it and emits `practice-payers.changed` with the full set, in the caller's
 * transaction. The upsert on `practice_payer_set` locks the practice's row first, so two
 * concurrent changes of one practice are serialised and never both announce the same payer.
 */
export async function syncPracticePayers(
  m: EntityManager,
  outbox: Outbox<ClientInsuranceEvents>,
  actor: Principal,
  practiceId: string,
): Promise<void> {
  const [previous]: { payerIds: string[]; version: number }[] = await m.query(
    `INSERT INTO "${SCHEMA}"."practice_payer_set" ("practice_id") VALUES ($1)
     ON CONFLICT ("practice_id") DO UPDATE SET "practice_id" = EXCLUDED."practice_id"
     RETURNING "payer_ids"::text[] AS "payerIds", "version"`,
    [practiceId],
  );
  const current: string[] = (
    await m.query(
      `SELECT DISTINCT "payer_id"::text AS "payerId" FROM "${SCHEMA}"."insurance_policy"
        WHERE "practice_id" = $1 AND "removed_at" IS NULL ORDER BY 1`,
      [practiceId],
    )
  ).map((r: { payerId: string }) => r.payerId);
  const before = new Set(previous.payerIds);
  const added = current.filter((id) => !before.has(id));
  const removed = previous.payerIds.filter((id) => !current.includes(id)).sort();
  if (added.length === 0 && removed.length === 0) return;
  const version = previous.version + 1;
  await m.query(
    `UPDATE "${SCHEMA}"."practice_payer_set" SET "payer_ids" = $2::uuid[], "version" = $3 WHERE "practice_id" = $1`,
    [practiceId, current, version],
  );
  await outbox.add(m, actor, {
    type: Events.practicePayersChanged,
    aggregateId: practiceId,
    practiceId,
    data: { practiceId, payerIds: current, added, removed, version },
  });
}
