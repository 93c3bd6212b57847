import { MigrationInterface, QueryRunner } from 'typeorm';

/** The payers' answers to claim status requests (src/claim-status-inquiry), newest first per claim. */
export class ClaimStatusInquiry1780200000000 implements MigrationInterface {
  name = 'ClaimStatusInquiry1780200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "claims"."claim_status_inquiry" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "claim_id" uuid NOT NULL REFERENCES "claims"."claim" ("id"),
        "asked_at" timestamptz NOT NULL,
        "category" text NOT NULL,
        "code" text,
        "status_text" text NOT NULL,
        "paid_cents" integer,
        "payer_claim_number" text,
        "message_ciphertext" text,
        "trigger" text NOT NULL CHECK ("trigger" IN ('manual', 'scheduled')),
        "asked_by" text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX "claim_status_inquiry_claim_idx" ON "claims"."claim_status_inquiry" ("claim_id", "asked_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "claims"."claim_status_inquiry"`);
  }
}
