import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

export class Initial1779000000000 implements MigrationInterface {
  name = 'Initial1779000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "documents"."document" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "linked_type" text NOT NULL CHECK ("linked_type" IN ('client', 'policy', 'claim', 'enrollment', 'message')),
        "linked_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('insurance_card_front', 'insurance_card_back', 'eob', 'enrollment_form', 'other')),
        "original_name" text NOT NULL,
        "size_bytes" bigint NOT NULL CHECK ("size_bytes" > 0),
        "content_type" text NOT NULL CHECK ("content_type" IN ('image/jpeg', 'image/png', 'application/pdf')),
        "sha256" char(64) NOT NULL,
        "storage_driver" text NOT NULL,
        "storage_key" text NOT NULL,
        "wrapped_key" text NOT NULL,
        "uploaded_by" text NOT NULL,
        "uploaded_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        "deleted_by" text
      )`);
    await q.query(
      `CREATE INDEX "document_linked_idx" ON "documents"."document" ("practice_id", "linked_type", "linked_id", "uploaded_at") WHERE "deleted_at" IS NULL`,
    );
    await createOutboxAndInbox(q, 'documents');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'documents');
    await q.query(`DROP TABLE "documents"."document"`);
  }
}
