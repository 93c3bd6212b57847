import { MigrationInterface, QueryRunner } from 'typeorm';
import { createClearinghouseTables, dropClearinghouseTables } from '@claimline/backend/clearinghouse';

/**
 * Submission through a clearinghouse (issue #17, ADR 0023). A batch is one 837P interchange for
 * one account; it is recorded with its claims (and its bytes, encrypted: they hold PHI) in one
 * transaction before anything is uploaded, under a file name fixed at that moment, so a worker
 * that crashed can upload it again and find it already there. `claim_submission` is one sending
 * of one claim (its CLM01 with the `-n` of a resubmission, its ST02); at most one is open per
 * claim. `submission_response` keeps every answer in words; `unmatched_response` what matched
 * nothing of ours. `clearinghouse_received_file` is the connector's ledger.
 */
export class Submission1765330000000 implements MigrationInterface {
  name = 'Submission1765330000000';

  async up(q: QueryRunner): Promise<void> {
    // ISA13 and GS06 of every interchange we send: 9 digits, never reused.
    await q.query(
      `CREATE SEQUENCE "claims"."interchange_control_seq" AS bigint START WITH 1 MAXVALUE 999999999`,
    );
    await q.query(`
      CREATE TABLE "claims"."submission_batch" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "account" text NOT NULL,
        "file_name" text NOT NULL,
        "interchange_control_number" bigint NOT NULL,
        "payer_id" uuid NOT NULL,
        "payer_name" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'uploaded', 'failed')),
        "claim_count" integer NOT NULL,
        "content_ciphertext" text NOT NULL,
        "error" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "created_by" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "uploaded_at" timestamptz,
        UNIQUE ("account", "file_name"),
        UNIQUE ("account", "interchange_control_number")
      )`);
    await q.query(
      `CREATE INDEX "submission_batch_pending_idx" ON "claims"."submission_batch" ("created_at") WHERE "status" = 'pending'`,
    );
    await q.query(
      `CREATE INDEX "submission_batch_practice_idx" ON "claims"."submission_batch" ("practice_id", "created_at" DESC)`,
    );
    await q.query(`
      CREATE TABLE "claims"."claim_submission" (
        "id" uuid PRIMARY KEY,
        "claim_id" uuid NOT NULL REFERENCES "claims"."claim" ("id"),
        "batch_id" uuid NOT NULL REFERENCES "claims"."submission_batch" ("id"),
        "practice_id" uuid NOT NULL,
        "patient_control_number" text NOT NULL UNIQUE,
        "transaction_control_number" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'submitted', 'received', 'accepted', 'rejected', 'not_sent')),
        "open" boolean NOT NULL DEFAULT true,
        "payer_claim_number" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // A claim is in exactly one open batch.
    await q.query(
      `CREATE UNIQUE INDEX "claim_submission_open_idx" ON "claims"."claim_submission" ("claim_id") WHERE "open"`,
    );
    await q.query(
      `CREATE INDEX "claim_submission_batch_idx" ON "claims"."claim_submission" ("batch_id", "transaction_control_number")`,
    );
    await q.query(
      `CREATE INDEX "claim_submission_claim_idx" ON "claims"."claim_submission" ("claim_id", "created_at")`,
    );
    await q.query(`
      CREATE TABLE "claims"."submission_response" (
        "id" bigserial PRIMARY KEY,
        "submission_id" uuid NOT NULL REFERENCES "claims"."claim_submission" ("id"),
        "kind" text NOT NULL,
        "file_name" text NOT NULL,
        "outcome" text NOT NULL CHECK ("outcome" IN ('accepted', 'received', 'rejected')),
        "words" text NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "submission_response_submission_idx" ON "claims"."submission_response" ("submission_id", "id")`,
    );
    await q.query(`
      CREATE TABLE "claims"."unmatched_response" (
        "id" uuid PRIMARY KEY,
        "account" text NOT NULL,
        "file_name" text NOT NULL,
        "kind" text NOT NULL,
        "reference" text,
        "reason" text NOT NULL,
        "archived_as" text,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await createClearinghouseTables(q, 'claims');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropClearinghouseTables(q, 'claims');
    await q.query(`DROP TABLE "claims"."unmatched_response"`);
    await q.query(`DROP TABLE "claims"."submission_response"`);
    await q.query(`DROP TABLE "claims"."claim_submission"`);
    await q.query(`DROP TABLE "claims"."submission_batch"`);
    await q.query(`DROP SEQUENCE "claims"."interchange_control_seq"`);
  }
}
