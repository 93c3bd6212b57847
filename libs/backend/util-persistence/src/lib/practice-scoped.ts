import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { RpcError } from '@claimline/backend/util-nats';

/** A row that belongs to one practice (tenant). */
export interface PracticeScopedRow {
  id: string;
  practiceId: string;
}

export interface FindInPracticeOptions<T> {
  /** `SELECT … FOR UPDATE`: the row stays as read until the transaction ends. */
  lock?: boolean;
  /** A soft-deleted row (its `removedAt` set) answers like a missing one. */
  removable?: boolean;
  /** More conditions the row must meet, e.g. `{ deletedAt: IsNull() }`. */
  where?: FindOptionsWhere<T>;
}

/**
 * The record `id` of the practice `practiceId`, or `not_found` naming `what`. Another practice's
 * record answers exactly like a missing one, so an id never tells a caller it exists elsewhere.
 */
export async function findInPractice<T extends PracticeScopedRow>(
  m: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  practiceId: string,
  id: string,
  options: FindInPracticeOptions<T> = {},
): Promise<T> {
  const row = await m.findOne(entity, {
    where: { ...options.where, id, practiceId } as FindOptionsWhere<T>,
    ...(options.lock && { lock: { mode: 'pessimistic_write' as const } }),
  });
  if (!row || (options.removable && (row as { removedAt?: Date | null }).removedAt)) {
    throw RpcError.notFound(what, id);
  }
  return row;
}
