import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor, EventMapOf, Principal, principalId } from '@claimline/contracts/common';
import { OutboxEventEntity } from './outbox.entity';
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
      }),
    );
    await manager.insert(OutboxEventEntity, rows);
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return rows.map((r) => r.id);
  }
}
