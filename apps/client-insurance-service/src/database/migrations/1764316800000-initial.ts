import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

export class Initial1764316800000 implements MigrationInterface {
  name = 'Initial1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "client_insurance"."client" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "first_name" text NOT NULL,
        "last_name" text NOT NULL,
        "preferred_name" text,
        "birth_date" date,
        "sex" char(1) CHECK ("sex" IN ('F', 'M', 'U')),
        "gender_identity" text,
        "phone" text,
        "email" text,
        "address_line1" text,
        "address_line2" text,
        "address_city" text,
        "address_state" char(2),
        "address_zip" text,
        "billing_type" text CHECK ("billing_type" IN ('insurance', 'self_pay')),
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // Prefix search by first or last name in a practice of 20,000 clients: `lower(x) LIKE 'ada%'`
    // needs text_pattern_ops (the database collation is not C); the plain one serves the list order.
    await q.query(
      `CREATE INDEX "client_last_name_prefix_idx" ON "client_insurance"."client" ("practice_id", lower("last_name") text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "client_first_name_prefix_idx" ON "client_insurance"."client" ("practice_id", lower("first_name") text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "client_name_order_idx" ON "client_insurance"."client" ("practice_id", lower("last_name"), lower("first_name"), "id")`,
    );
    await q.query(
      `CREATE INDEX "client_birth_date_idx" ON "client_insurance"."client" ("practice_id", "birth_date")`,
    );

    await q.query(`
      CREATE TABLE "client_insurance"."payer" (
        "id" uuid PRIMARY KEY,
        "key" text UNIQUE,
        "name" text NOT NULL,
        "aliases" text[] NOT NULL DEFAULT '{}',
        "payer_ids" jsonb NOT NULL CHECK (jsonb_typeof("payer_ids") = 'object' AND "payer_ids" ? 'default'),
        "kind" text NOT NULL CHECK ("kind" IN ('commercial', 'behavioral', 'medicare', 'medicaid', 'tricare')),
        "states" text[] NOT NULL DEFAULT '{}',
        "region" text,
        "is_bcbs" boolean NOT NULL,
        "claim_filing_enrollment_required" boolean NOT NULL,
        "era_supported" boolean NOT NULL,
        "era_enrollment_required" boolean NOT NULL,
        "verified" boolean NOT NULL DEFAULT false,
        "source" text,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "payer_name_idx" ON "client_insurance"."payer" (lower("name") text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "payer_default_id_idx" ON "client_insurance"."payer" (upper("payer_ids" ->> 'default'))`,
    );
    // The payer directory is seeded by its own versioned step, not here (ADR 0018).

    await q.query(`
      CREATE TABLE "client_insurance"."insurance_policy" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "client_id" uuid NOT NULL REFERENCES "client_insurance"."client" ("id"),
        "insurance_order" text NOT NULL CHECK ("insurance_order" IN ('primary', 'secondary', 'tertiary')),
        "payer_id" uuid NOT NULL REFERENCES "client_insurance"."payer" ("id"),
        "member_id_ciphertext" text NOT NULL,
        "member_id_hmac" text NOT NULL,
        "group_number" text,
        "plan_name" text,
        "coverage_start" date,
        "coverage_end" date,
        "relationship" text NOT NULL CHECK ("relationship" IN ('self', 'spouse', 'child', 'other')),
        "subscriber_first_name" text,
        "subscriber_last_name" text,
        "subscriber_birth_date" date,
        "subscriber_sex" char(1) CHECK ("subscriber_sex" IN ('F', 'M', 'U')),
        "subscriber_address_line1" text,
        "subscriber_address_line2" text,
        "subscriber_address_city" text,
        "subscriber_address_state" char(2),
        "subscriber_address_zip" text,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "removed_at" timestamptz,
        CONSTRAINT "policy_coverage_dates_ck" CHECK ("coverage_start" IS NULL OR "coverage_end" IS NULL OR "coverage_start" <= "coverage_end"),
        CONSTRAINT "policy_self_no_subscriber_ck" CHECK ("relationship" <> 'self' OR "subscriber_first_name" IS NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "policy_client_order_uq" ON "client_insurance"."insurance_policy" ("client_id", "insurance_order") WHERE "removed_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "policy_practice_client_idx" ON "client_insurance"."insurance_policy" ("practice_id", "client_id") WHERE "removed_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "policy_member_id_idx" ON "client_insurance"."insurance_policy" ("practice_id", "member_id_hmac") WHERE "removed_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "policy_practice_payer_idx" ON "client_insurance"."insurance_policy" ("practice_id", "payer_id") WHERE "removed_at" IS NULL`,
    );

    await q.query(`
      CREATE TABLE "client_insurance"."prior_authorization" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "client_id" uuid NOT NULL REFERENCES "client_insurance"."client" ("id"),
        "policy_id" uuid NOT NULL REFERENCES "client_insurance"."insurance_policy" ("id"),
        "number" text NOT NULL,
        "uses_authorized" integer NOT NULL CHECK ("uses_authorized" > 0),
        "uses_consumed" integer NOT NULL DEFAULT 0 CHECK ("uses_consumed" >= 0),
        "valid_from" date NOT NULL,
        "valid_to" date NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "authorization_dates_ck" CHECK ("valid_from" <= "valid_to"),
        CONSTRAINT "authorization_uses_ck" CHECK ("uses_consumed" <= "uses_authorized")
      )`);
    await q.query(
      `CREATE INDEX "authorization_policy_idx" ON "client_insurance"."prior_authorization" ("practice_id", "policy_id")`,
    );
    await q.query(`
      CREATE TABLE "client_insurance"."authorization_use" (
        "authorization_id" uuid NOT NULL REFERENCES "client_insurance"."prior_authorization" ("id"),
        "key" text NOT NULL,
        "practice_id" uuid NOT NULL,
        "consumed_at" timestamptz NOT NULL DEFAULT now(),
        "released_at" timestamptz,
        PRIMARY KEY ("authorization_id", "key")
      )`);

    await q.query(`
      CREATE TABLE "client_insurance"."practice_ref" (
        "practice_id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "state" char(2) NOT NULL,
        "version" integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE "client_insurance"."practice_payer_set" (
        "practice_id" uuid PRIMARY KEY,
        "payer_ids" uuid[] NOT NULL DEFAULT '{}',
        "version" integer NOT NULL DEFAULT 0
      )`);
    await createOutboxAndInbox(q, 'client_insurance');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'client_insurance');
    for (const table of [
      'practice_payer_set',
      'practice_ref',
      'authorization_use',
      'prior_authorization',
      'insurance_policy',
      'payer',
      'client',
    ]) {
      await q.query(`DROP TABLE "client_insurance"."${table}"`);
    }
  }
}
