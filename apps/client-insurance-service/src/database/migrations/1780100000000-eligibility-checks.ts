import { MigrationInterface, QueryRunner } from 'typeorm';

/** Eligibility checks per policy (src/eligibility): the payer's answer encrypted, the newest first by index. */
export class EligibilityChecks1780100000000 implements MigrationInterface {
  name = 'EligibilityChecks1780100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "client_insurance"."eligibility_check" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "policy_id" uuid NOT NULL REFERENCES "client_insurance"."insurance_policy" ("id"),
        "client_id" uuid NOT NULL,
        "date" date NOT NULL,
        "checked_at" timestamptz NOT NULL,
        "outcome" text NOT NULL CHECK ("outcome" IN ('active', 'inactive', 'rejected', 'unknown')),
        "checked_by" text,
        "details_ciphertext" text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX "eligibility_check_policy_idx" ON "client_insurance"."eligibility_check" ("practice_id", "policy_id", "checked_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "client_insurance"."eligibility_check"`);
  }
}
