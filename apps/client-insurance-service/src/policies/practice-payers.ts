import { EntityManager } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes as Events,
} from '@claimline/contracts/client-insurance';
import { Outbox } from '@claimline/backend/util-nats';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { PolicyEntity } from './entities/policy.entity';
import { PracticePayerSetEntity } from './entities/practice-payer-set.entity';

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
  // A no-op DO UPDATE so the statement both creates the row and locks it, and answers it either way.
  const [previous] = await rawSql<{ payerIds: string[]; version: number }>(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, PracticePayerSetEntity)} ("practice_id") VALUES ($1)
     ON CONFLICT ("practice_id") DO UPDATE SET "practice_id" = EXCLUDED."practice_id"
     RETURNING "payer_ids"::text[] AS "payerIds", "version"`,
    [practiceId],
  );
  const current: string[] = (
    await m
      .createQueryBuilder(PolicyEntity, 'p')
      .select('CAST(p.payerId AS text)', 'payerId')
      .distinct(true)
      .where('p.practiceId = :practiceId AND p.removedAt IS NULL', { practiceId })
      .orderBy('"payerId"')
      .getRawMany<{ payerId: string }>()
  ).map((r) => r.payerId);
  const before = new Set(previous.payerIds);
  const added = current.filter((id) => !before.has(id));
  const removed = previous.payerIds.filter((id) => !current.includes(id)).sort();
  if (added.length === 0 && removed.length === 0) return;
  const version = previous.version + 1;
  await m.update(PracticePayerSetEntity, { practiceId }, { payerIds: current, version });
  await outbox.add(m, actor, {
    type: Events.practicePayersChanged,
    aggregateId: practiceId,
    practiceId,
    data: { practiceId, payerIds: current, added, removed, version },
  });
}
