import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

export class Initial1764979200000 implements MigrationInterface {
  name = 'Initial1764979200000';

  async up(q: QueryRunner): Promise<void> {
    // One row per practice that ever saved a fee schedule: the version a PUT must name.
    await q.query(`
      CREATE TABLE "claims"."fee_schedule" (
        "practice_id" uuid PRIMARY KEY,
        "version" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // `modifier_key` is the modifiers sorted and joined, so 95+HO and HO+95 are one fee.
    await q.query(`
      CREATE TABLE "claims"."fee_schedule_entry" (
        "practice_id" uuid NOT NULL REFERENCES "claims"."fee_schedule" ("practice_id"),
        "procedure" text NOT NULL,
        "modifier_key" text NOT NULL,
        "modifiers" text[] NOT NULL,
        "fee_cents" integer NOT NULL CHECK ("fee_cents" >= 0),
        PRIMARY KEY ("practice_id", "procedure", "modifier_key")
      )`);
    await q.query(`
      CREATE TABLE "claims"."appointment" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "client_id" uuid NOT NULL,
        "rendering_team_member_id" uuid NOT NULL,
        "rendering_npi" text NOT NULL,
        "service_date" date NOT NULL,
        "start_time" text NOT NULL,
        "minutes" integer NOT NULL CHECK ("minutes" > 0),
        "location_id" uuid,
        "place_of_service" char(2) NOT NULL,
        "diagnoses" text[] NOT NULL CHECK (cardinality("diagnoses") BETWEEN 1 AND 12),
        "attendance" text NOT NULL CHECK ("attendance" IN ('attended', 'no_show', 'late_cancel')),
        "billing_type" text NOT NULL CHECK ("billing_type" IN ('insurance', 'self_pay')),
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "appointment_practice_date_idx" ON "claims"."appointment" ("practice_id", "service_date" DESC, "id")`,
    );
    await q.query(
      `CREATE INDEX "appointment_client_idx" ON "claims"."appointment" ("practice_id", "client_id")`,
    );
    await q.query(`
      CREATE TABLE "claims"."appointment_line" (
        "appointment_id" uuid NOT NULL REFERENCES "claims"."appointment" ("id") ON DELETE CASCADE,
        "position" integer NOT NULL,
        "procedure" text NOT NULL,
        "modifiers" text[] NOT NULL CHECK (cardinality("modifiers") <= 4),
        "units" integer NOT NULL CHECK ("units" >= 1),
        "fee_cents" integer NOT NULL CHECK ("fee_cents" >= 0),
        "fee_source" text NOT NULL CHECK ("fee_source" IN ('schedule', 'override')),
        "diagnosis_pointers" integer[] NOT NULL CHECK (cardinality("diagnosis_pointers") BETWEEN 1 AND 4),
        PRIMARY KEY ("appointment_id", "position")
      )`);
    await createOutboxAndInbox(q, 'claims');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'claims');
    for (const table of ['appointment_line', 'appointment', 'fee_schedule_entry', 'fee_schedule']) {
      await q.query(`DROP TABLE "claims"."${table}"`);
    }
  }
}
