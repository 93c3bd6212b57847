import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

export class Initial1764230400000 implements MigrationInterface {
  name = 'Initial1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "practice_settings"."practice" (
        "id" uuid PRIMARY KEY,
        "type" text NOT NULL CHECK ("type" IN ('solo', 'group')),
        "name" text NOT NULL,
        "phone" text NOT NULL,
        "email" text,
        "address_line1" text NOT NULL,
        "address_line2" text,
        "address_city" text NOT NULL,
        "address_state" char(2) NOT NULL,
        "address_zip" text NOT NULL,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "practice_name_idx" ON "practice_settings"."practice" (lower("name") text_pattern_ops, "id")`,
    );
    await q.query(`
      CREATE TABLE "practice_settings"."team_member" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL REFERENCES "practice_settings"."practice" ("id"),
        "first_name" text NOT NULL,
        "last_name" text NOT NULL,
        "email" text NOT NULL,
        "role" text NOT NULL CHECK ("role" IN ('owner', 'clinician', 'staff')),
        "npi" char(10),
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "removed_at" timestamptz
      )`);
    await q.query(
      `CREATE INDEX "team_member_practice_idx" ON "practice_settings"."team_member" ("practice_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "team_member_practice_email_uq" ON "practice_settings"."team_member" ("practice_id", lower("email")) WHERE "removed_at" IS NULL`,
    );
    await createOutboxAndInbox(q, 'practice_settings');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'practice_settings');
    await q.query(`DROP TABLE "practice_settings"."team_member"`);
    await q.query(`DROP TABLE "practice_settings"."practice"`);
  }
}
