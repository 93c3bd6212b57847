import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims made from appointments. What a claim copied at creation (its `ClaimSnapshot`: names,
 * member ID, the billing TIN — an SSN for a clinician billing as an individual) and its scrub
 * findings (which may quote the member ID) are PHI to protect at rest (ARCHITECTURE.md): they are
 * one AES-256-GCM token (`PhiCipher`, bound to the claim's id) in `payload_ciphertext`. The columns
 * beside it are what lists, filters, duplicate checks and the payer's answers need: ids, status,
 * dates of service, totals, and `service_keys` (`YYYY-MM-DD|procedure` per line, for duplicates).
 * `authorization_keys` are the keys the claim consumed authorization visits with (one per
 * appointment), so voiding it releases exactly those.
 */
export class Claims1765152000000 implements MigrationInterface {
  name = 'Claims1765152000000';

  async up(q: QueryRunner): Promise<void> {
    // CLM01 is `patientControlNumber(sequence)`: one sequence for the whole service keeps it unique.
    await q.query(`CREATE SEQUENCE "claims"."claim_pcn_seq" AS bigint START WITH 1`);
    await q.query(`
      CREATE TABLE "claims"."claim" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "sequence" bigint NOT NULL UNIQUE,
        "patient_control_number" text NOT NULL UNIQUE,
        "status" text NOT NULL CHECK ("status" IN ('prepared', 'downloaded', 'scrub', 'submitted', 'received',
          'rejected', 'accepted', 'paid', 'denied', 'deductible', 'void')),
        "client_id" uuid NOT NULL,
        "policy_id" uuid NOT NULL,
        "payer_id" uuid NOT NULL,
        "payer_name" text NOT NULL,
        "rendering_team_member_id" uuid NOT NULL,
        "billing_provider_key" text NOT NULL,
        "authorization_id" uuid,
        "authorization_keys" text[] NOT NULL DEFAULT '{}',
        "appointment_ids" uuid[] NOT NULL CHECK (cardinality("appointment_ids") >= 1),
        "service_keys" text[] NOT NULL,
        "service_from" date NOT NULL,
        "service_to" date NOT NULL,
        "total_cents" integer NOT NULL CHECK ("total_cents" >= 0),
        "line_count" integer NOT NULL CHECK ("line_count" BETWEEN 1 AND 50),
        "frequency_code" char(1) NOT NULL CHECK ("frequency_code" IN ('1', '7', '8')),
        "filed_outside" boolean NOT NULL DEFAULT false,
        "error_count" integer NOT NULL DEFAULT 0,
        "warning_count" integer NOT NULL DEFAULT 0,
        "payload_ciphertext" text NOT NULL,
        "void_reason" text,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "claim_practice_created_idx" ON "claims"."claim" ("practice_id", "created_at" DESC, "id")`,
    );
    await q.query(`CREATE INDEX "claim_practice_status_idx" ON "claims"."claim" ("practice_id", "status")`);
    await q.query(`CREATE INDEX "claim_client_idx" ON "claims"."claim" ("practice_id", "client_id")`);
    // Which claims an appointment was ever on (a voided one keeps its appointments).
    await q.query(`CREATE INDEX "claim_appointments_idx" ON "claims"."claim" USING gin ("appointment_ids")`);
    await q.query(`
      CREATE TABLE "claims"."claim_status_history" (
        "id" bigserial PRIMARY KEY,
        "claim_id" uuid NOT NULL REFERENCES "claims"."claim" ("id"),
        "from_status" text,
        "to_status" text NOT NULL,
        "move" text NOT NULL,
        "reason" text,
        "finding_codes" text[] NOT NULL DEFAULT '{}',
        "actor_id" text,
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "claim_status_history_claim_idx" ON "claims"."claim_status_history" ("claim_id", "id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "claims"."claim_status_history"`);
    await q.query(`DROP TABLE "claims"."claim"`);
    await q.query(`DROP SEQUENCE "claims"."claim_pcn_seq"`);
  }
}
