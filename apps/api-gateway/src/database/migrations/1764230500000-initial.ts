import { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayInitial1764230500000 implements MigrationInterface {
  name = 'GatewayInitial1764230500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."user_account" (
        "id" uuid PRIMARY KEY,
        "email" text NOT NULL,
        "display_name" text NOT NULL,
        "password_hash" text NOT NULL,
        "role" text NOT NULL CHECK ("role" IN ('admin', 'billing_staff', 'practice_owner', 'clinician')),
        "practice_id" uuid,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("role" IN ('practice_owner', 'clinician')) = ("practice_id" IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX "user_account_email_uq" ON "gateway"."user_account" (lower("email"))`);
    await q.query(`
      CREATE TABLE "gateway"."staff_assignment" (
        "user_id" uuid NOT NULL REFERENCES "gateway"."user_account" ("id") ON DELETE CASCADE,
        "practice_id" uuid NOT NULL,
        "assigned_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("user_id", "practice_id")
      )`);
    await q.query(`
      CREATE TABLE "gateway"."refresh_token" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "gateway"."user_account" ("id") ON DELETE CASCADE,
        "family_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "refresh_token_family_idx" ON "gateway"."refresh_token" ("family_id")`);
    await q.query(`
      CREATE TABLE "gateway"."audit_event" (
        "id" bigserial PRIMARY KEY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "user_id" uuid,
        "role" text,
        "action" text NOT NULL,
        "resource_type" text NOT NULL,
        "resource_id" text,
        "practice_id" uuid,
        "status" integer NOT NULL,
        "request_id" text,
        "ip" text
      )`);
    await q.query(`CREATE INDEX "audit_event_at_idx" ON "gateway"."audit_event" ("at")`);
    await q.query(
      `CREATE INDEX "audit_event_resource_idx" ON "gateway"."audit_event" ("resource_type", "resource_id")`,
    );
    await q.query(`CREATE INDEX "audit_event_user_idx" ON "gateway"."audit_event" ("user_id", "at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."audit_event"`);
    await q.query(`DROP TABLE "gateway"."refresh_token"`);
    await q.query(`DROP TABLE "gateway"."staff_assignment"`);
    await q.query(`DROP TABLE "gateway"."user_account"`);
  }
}
