import { MigrationInterface, QueryRunner } from 'typeorm';
import { ERA_SOURCES, ERA_TRANSACTION_STATUSES, UNMATCHED_STATES } from '@claimline/contracts/payments';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export class Initial1780100000000 implements MigrationInterface {
  name = 'Initial1780100000000';

  async up(q: QueryRunner): Promise<void> {
    // Read model of claims-service: what an ERA is matched against (ADR 0022). No names: ids,
    // the control number, amounts and the lines' codes and dates.
    await q.query(`
      CREATE TABLE "payments"."claim_ref" (
        "claim_id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "client_id" uuid NOT NULL,
        "payer_id" uuid NOT NULL,
        "control_number" text NOT NULL,
        "status" text NOT NULL,
        "charge_cents" bigint NOT NULL,
        "service_from" date NOT NULL,
        "lines" jsonb NOT NULL,
        "filed_outside" boolean NOT NULL,
        "version" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "claim_ref_control_number_idx" ON "payments"."claim_ref" ("practice_id", "control_number")`,
    );
    // Every raw ERA file, encrypted in chunks (AES-256-GCM per chunk, bound to the file and its place).
    await q.query(`
      CREATE TABLE "payments"."era_file" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "source" text NOT NULL CHECK ("source" IN (${list(ERA_SOURCES)})),
        "name" text NOT NULL,
        "size" bigint NOT NULL,
        "sha256" text NOT NULL,
        "chunk_count" integer NOT NULL,
        "imported_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "era_file_practice_idx" ON "payments"."era_file" ("practice_id", "created_at")`,
    );
    await q.query(`
      CREATE TABLE "payments"."era_file_chunk" (
        "file_id" uuid NOT NULL REFERENCES "payments"."era_file" ("id") ON DELETE CASCADE,
        "seq" integer NOT NULL,
        "data" text NOT NULL,
        PRIMARY KEY ("file_id", "seq")
      )`);
    // One row per 835 transaction; the duplicate guard is the unique key per practice.
    await q.query(`
      CREATE TABLE "payments"."era_transaction" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "file_id" uuid NOT NULL REFERENCES "payments"."era_file" ("id"),
        "transaction_key" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN (${list(ERA_TRANSACTION_STATUSES)})),
        "why" jsonb NOT NULL DEFAULT '[]',
        "payer_name" text NOT NULL,
        "payer_id" text,
        "trace_number" text NOT NULL,
        "payment_cents" bigint NOT NULL,
        "payment_date" text,
        "claim_count" integer NOT NULL,
        "posting_count" integer NOT NULL,
        "unmatched_count" integer NOT NULL,
        "accounted_cents" bigint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "era_transaction_key_idx" ON "payments"."era_transaction" ("practice_id", "transaction_key")`,
    );
    await q.query(
      `CREATE INDEX "era_transaction_practice_idx" ON "payments"."era_transaction" ("practice_id", "created_at" DESC)`,
    );
    // PLB: against the payment, never a claim.
    await q.query(`
      CREATE TABLE "payments"."payment_adjustment" (
        "transaction_id" uuid NOT NULL REFERENCES "payments"."era_transaction" ("id"),
        "seq" integer NOT NULL,
        "provider_id" text NOT NULL,
        "reason_code" text NOT NULL,
        "reference" text,
        "kind" text NOT NULL,
        "amount_cents" bigint NOT NULL,
        PRIMARY KEY ("transaction_id", "seq")
      )`);
    // One CLP matched to one of our claims. Lines and claim-level CAS as the plan gives them.
    await q.query(`
      CREATE TABLE "payments"."posting" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "transaction_id" uuid NOT NULL REFERENCES "payments"."era_transaction" ("id"),
        "posting_key" text NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('payment', 'reversal')),
        "claim_id" uuid NOT NULL,
        "client_id" uuid NOT NULL,
        "control_number" text NOT NULL,
        "payer_claim_number" text NOT NULL,
        "status_code" text NOT NULL,
        "crossover" boolean NOT NULL,
        "charge_cents" bigint NOT NULL,
        "paid_cents" bigint NOT NULL,
        "client_responsibility_cents" bigint NOT NULL,
        "deductible_cents" bigint NOT NULL,
        "coinsurance_cents" bigint NOT NULL,
        "copay_cents" bigint NOT NULL,
        "write_off_cents" bigint NOT NULL,
        "other_adjustment_cents" bigint NOT NULL,
        "claim_adjustments" jsonb NOT NULL,
        "lines" jsonb NOT NULL,
        "reverses" text,
        "reversed" boolean NOT NULL DEFAULT false,
        "in_force" boolean NOT NULL,
        "flags" jsonb NOT NULL,
        "payment_date" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "posting_key_idx" ON "payments"."posting" ("practice_id", "posting_key")`,
    );
    await q.query(`CREATE INDEX "posting_claim_idx" ON "payments"."posting" ("claim_id")`);
    await q.query(`CREATE INDEX "posting_transaction_idx" ON "payments"."posting" ("transaction_id")`);
    // A CLP that matched no claim: kept whole until a biller matches it or posts it as unapplied.
    await q.query(`
      CREATE TABLE "payments"."unmatched_claim" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "transaction_id" uuid NOT NULL REFERENCES "payments"."era_transaction" ("id"),
        "posting_key" text NOT NULL,
        "reason" text NOT NULL CHECK ("reason" IN ('not_our_control_number', 'claim_not_found')),
        "control_number" text NOT NULL,
        "payer_claim_number" text NOT NULL,
        "status_code" text NOT NULL,
        "charge_cents" bigint NOT NULL,
        "paid_cents" bigint NOT NULL,
        "client_responsibility_cents" bigint NOT NULL,
        "patient_enc" text,
        "service_date_from" text,
        "line_count" integer NOT NULL,
        "state" text NOT NULL CHECK ("state" IN (${list(UNMATCHED_STATES)})),
        "in_force" boolean NOT NULL,
        "claim_id" uuid,
        "resolved_by" text,
        "resolved_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "unmatched_key_idx" ON "payments"."unmatched_claim" ("practice_id", "posting_key")`,
    );
    await q.query(
      `CREATE INDEX "unmatched_open_idx" ON "payments"."unmatched_claim" ("practice_id", "state", "created_at")`,
    );
    // A client's ledger: positive entries add to what the client owes, negative ones take from it.
    await q.query(`
      CREATE TABLE "payments"."ledger_entry" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "client_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('self_pay_fee', 'client_responsibility', 'payment', 'adjustment')),
        "amount_cents" bigint NOT NULL,
        "entry_date" date NOT NULL,
        "claim_id" uuid,
        "posting_id" uuid REFERENCES "payments"."posting" ("id"),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "ledger_entry_client_idx" ON "payments"."ledger_entry" ("practice_id", "client_id", "entry_date")`,
    );
    // A claim's payment overview after its latest transaction (over the postings in force).
    await q.query(`
      CREATE TABLE "payments"."claim_result" (
        "claim_id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "client_id" uuid NOT NULL,
        "transaction_id" uuid NOT NULL,
        "status" text NOT NULL,
        "move" text,
        "charge_cents" bigint NOT NULL,
        "paid_cents" bigint NOT NULL,
        "client_responsibility_cents" bigint NOT NULL,
        "deductible_cents" bigint NOT NULL,
        "write_off_cents" bigint NOT NULL,
        "other_adjustment_cents" bigint NOT NULL,
        "open_cents" bigint NOT NULL,
        "crossover" boolean NOT NULL,
        "flags" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "claim_result_practice_idx" ON "payments"."claim_result" ("practice_id", "status")`,
    );
    await createOutboxAndInbox(q, 'payments');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'payments');
    for (const table of [
      'claim_result',
      'ledger_entry',
      'unmatched_claim',
      'posting',
      'payment_adjustment',
      'era_transaction',
      'era_file_chunk',
      'era_file',
      'claim_ref',
    ]) {
      await q.query(`DROP TABLE "payments"."${table}"`);
    }
  }
}
