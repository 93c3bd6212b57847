import { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxTraceContext } from '@claimline/backend/util-nats';
import { SCHEMA } from '../../config/env';

/** The outbox keeps the trace of the work that wrote each event (ADR 0029). */
export class OutboxTraceContext1796256000000 implements MigrationInterface {
  name = 'OutboxTraceContext1796256000000';

  async up(q: QueryRunner): Promise<void> {
    await addOutboxTraceContext(q, SCHEMA);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}"."outbox" DROP COLUMN IF EXISTS "trace_context"`);
  }
}
