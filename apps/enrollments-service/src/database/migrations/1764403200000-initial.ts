import { MigrationInterface, QueryRunner } from 'typeorm';
import { ENROLLMENT_STATUSES, ENROLLMENT_TYPES } from '@claimline/domain';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export class Initial1764403200000 implements MigrationInterface {
  name = 'Initial1764403200000';

  async up(q: QueryRunner): Promise<void> {
    // Read model of client-insurance's payer directory (enrollment requirements only).
    await q.query(`
      CREATE TABLE "enrollments"."payer_ref" (
        "payer_id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "clearinghouse_payer_id" text,
        "claim_filing_enrollment_required" boolean NOT NULL,
        "era_supported" boolean NOT NULL,
        "era_enrollment_required" boolean NOT NULL,
        "version" integer NOT NULL
      )`);
    // Read model of client-insurance.practice-payers.changed: the payers the practice's clients use.
    await q.query(`
      CREATE TABLE "enrollments"."practice_payer" (
        "practice_id" uuid PRIMARY KEY,
        "payer_ids" uuid[] NOT NULL,
        "version" integer NOT NULL
      )`);
    // One row per practice × payer × type × billing identity. The identity ('' until the first
    // submission) is the billing NPI and a keyed hash of the Tax ID, never the Tax ID itself.
    await q.query(`
      CREATE TABLE "enrollments"."enrollment" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "payer_id" uuid NOT NULL,
        "type" text NOT NULL CHECK ("type" IN (${list(ENROLLMENT_TYPES)})),
        "status" text NOT NULL CHECK ("status" IN (${list(ENROLLMENT_STATUSES)})),
        "billing_npi" text NOT NULL DEFAULT '',
        "tax_id_index" text NOT NULL DEFAULT '',
        "tax_id_kind" text CHECK ("tax_id_kind" IN ('ein', 'ssn')),
        "tax_id_display" text,
        "tax_id_ciphertext" text,
        "request" jsonb,
        "clearinghouse_reference" text,
        "reason" text,
        "instructions" text,
        "document_id" uuid,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "enrollment_identity_uq" UNIQUE ("practice_id", "payer_id", "type", "billing_npi", "tax_id_index")
      )`);
    await q.query(`CREATE INDEX "enrollment_payer_idx" ON "enrollments"."enrollment" ("payer_id")`);
    await q.query(`
      CREATE TABLE "enrollments"."enrollment_history" (
        "id" bigserial PRIMARY KEY,
        "enrollment_id" uuid NOT NULL REFERENCES "enrollments"."enrollment" ("id"),
        "from_status" text,
        "to_status" text NOT NULL,
        "action" text NOT NULL,
        "reason" text,
        "document_id" uuid,
        "changed_by" text,
        "changed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "enrollment_history_enrollment_idx" ON "enrollments"."enrollment_history" ("enrollment_id", "id")`,
    );
    // What the local clearinghouse port received (until a real connector exists).
    await q.query(`
      CREATE TABLE "enrollments"."clearinghouse_request" (
        "id" uuid PRIMARY KEY,
        "enrollment_id" uuid NOT NULL REFERENCES "enrollments"."enrollment" ("id"),
        "kind" text NOT NULL CHECK ("kind" IN ('enrollment', 'document')),
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await createOutboxAndInbox(q, 'enrollments');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'enrollments');
    for (const table of [
      'clearinghouse_request',
      'enrollment_history',
      'enrollment',
      'practice_payer',
      'payer_ref',
    ]) {
      await q.query(`DROP TABLE "enrollments"."${table}"`);
    }
  }
}
