import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor, EventMapOf, Principal, principalId } from '@claimline/contracts/common';
import { OutboxEventEntity } from './outbox.entity';
import { currentTraceparent } from '@claimline/backend/util-metrics';
import { currentRequestId } from './request-scope';

export interface NewEvent<M extends EventMapOf<M>, T extends keyof M & string> {
  type: T;
  aggregateId: string;
  practiceId: string | null;
  data: M[T];
}

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * Writes events in the caller's transaction. Nothing is published here: the relay publishes
 * after commit, so an event exists exactly when its change does. Each row carries the id of the
 * request in scope (`runWithRequestId`), so callers never pass it.
 */
export class Outbox<M extends EventMapOf<M>> {
  constructor(private readonly schema: string) {}

  async add<T extends keyof M & string>(
    manager: EntityManager,
    actor: Principal | Actor | null,
    events: NewEvent<M, T> | NewEvent<M, T>[],
  ): Promise<string[]> {
    const list = Array.isArray(events) ? events : [events];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.add must run inside the transaction of the change it records');
    }
    const rows = list.map((e) =>
      manager.create(OutboxEventEntity, {
        id: randomUUID(),
        type: e.type,
        aggregateId: e.aggregateId,
        practiceId: e.practiceId,
        actorId: actor ? principalId(actor) : null,
        data: e.data as object,
        // The request being handled (set by RequestIdInterceptor); none at startup or in a consumer.
        requestId: currentRequestId() ?? null,
        // The trace in scope (none with tracing off): the relay and the consumers continue it.
        traceContext: currentTraceparent(),
      }),
    );
    await manager.insert(OutboxEventEntity, rows);
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return rows.map((r) => r.id);
  }
}

/**
 * Age in seconds of the oldest row the relay has not published (0 when the outbox is drained): the
 * first row of the partial index on unpublished rows, so a scrape costs one index probe however
 * long the outbox is. Plain query, not rawSql: util-persistence depends on this library (ADR 0018,
 * outbox plumbing).
 */
export async function oldestUnpublishedAgeSeconds(
  db: Pick<EntityManager, 'query'>,
  schema: string,
): Promise<number> {
  const rows: { age: number | string }[] = await db.query(
    `SELECT EXTRACT(EPOCH FROM now() - occurred_at) AS age
       FROM "${schema}"."outbox" WHERE published_at IS NULL ORDER BY seq LIMIT 1`,
  );
  return rows.length === 0 ? 0 : Math.max(0, Number(rows[0].age));
}
