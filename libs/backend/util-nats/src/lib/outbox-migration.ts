import { QueryRunner } from 'typeorm';

/** DDL of the outbox and inbox tables, used by each service's first migration. */
export async function createOutboxAndInbox(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."outbox" (
      "id" uuid PRIMARY KEY,
      "seq" bigserial NOT NULL UNIQUE,
      "type" text NOT NULL,
      "aggregate_id" uuid,
      "practice_id" uuid,
      "actor_id" text,
      "data" jsonb NOT NULL,
      "request_id" text,
      "trace_context" text,
      "occurred_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz,
      "attempts" integer NOT NULL DEFAULT 0
    )`);
  await queryRunner.query(
    `CREATE INDEX "outbox_unpublished_idx" ON "${schema}"."outbox" ("seq") WHERE "published_at" IS NULL`,
  );
  await queryRunner.query(`
    CREATE TABLE "${schema}"."inbox" (
      "consumer" text NOT NULL,
      "event_id" uuid NOT NULL,
      "type" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("consumer", "event_id")
    )`);
}

/**
 * Adds `trace_context` (the W3C traceparent of the work that wrote an event) to an outbox made
 * before it existed; a no-op on one that `createOutboxAndInbox` made since.
 */
export async function addOutboxTraceContext(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${schema}"."outbox" ADD COLUMN IF NOT EXISTS "trace_context" text`);
}

export async function dropOutboxAndInbox(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."inbox"`);
  await queryRunner.query(`DROP TABLE "${schema}"."outbox"`);
}
