import { EntityManager } from 'typeorm';
import { RpcError } from '@claimline/backend/util-nats';
import { PracticeEntity } from './entities/practice.entity';

export const DEFAULT_PAGE = 50;

/**
 * The practice a request names. Whether the caller may see it was decided by the guard
 * (`@Authorize({ practice })`): another tenant's practice never gets here.
 */
export async function findPractice(
  m: EntityManager,
  practiceId: string,
  lock = false,
): Promise<PracticeEntity> {
  const practice = await m.findOne(PracticeEntity, {
    where: { id: practiceId },
    ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
  });
  if (!practice) throw RpcError.notFound('Practice', practiceId);
  return practice;
}
