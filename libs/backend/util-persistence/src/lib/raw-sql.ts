import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Why a statement is hand-written instead of going through an entity's repository or QueryBuilder
 * (ADR 0018). Naming it makes every exception searchable and reviewable:
 * - `upsert`: `INSERT … ON CONFLICT … DO UPDATE … WHERE` (a version guard, a tombstone) that
 *   TypeORM's `upsert`/`orUpdate` cannot express;
 * - `claim`: a `FOR UPDATE SKIP LOCKED` claim or lease of work rows;
 * - `set-based`: one statement over many rows (bulk update, `UNION`, array operators, CTEs);
 * - `plumbing`: outbox/inbox and other infrastructure tables owned by shared libraries.
 */
export type RawSqlReason = 'upsert' | 'claim' | 'set-based' | 'plumbing';

/**
 * The one way to run hand-written SQL in a service. Answers the rows, also for
 * `UPDATE/DELETE … RETURNING`, which TypeORM answers as `[rows, affected count]` on PostgreSQL.
 */
export async function rawSql<R = Record<string, unknown>>(
  m: EntityManager | DataSource,
  reason: RawSqlReason,
  sql: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const result: unknown = await m.query(sql, [...params]);
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as R[];
  return result as R[];
}

/** `"schema"."table"` of an entity, so hand-written SQL names the table its entity declares. */
export function tableOf(m: EntityManager | DataSource, entity: EntityTarget<ObjectLiteral>): string {
  const { schema, tableName } = (m instanceof EntityManager ? m.dataSource : m).getMetadata(entity);
  return schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
}
