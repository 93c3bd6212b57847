import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764500000000 implements MigrationInterface {
  name = 'Initial1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Read model of practice-settings: who gets a practice's e-mails.
    await q.query(`
      CREATE TABLE "notifications"."practice_ref" (
        "practice_id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "email" text,
        "version" integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE "notifications"."team_member_ref" (
        "member_id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "email" text NOT NULL,
        "role" text NOT NULL,
        "version" integer NOT NULL,
        "removed" boolean NOT NULL DEFAULT false
      )`);
    await q.query(
      `CREATE INDEX "team_member_ref_practice_idx" ON "notifications"."team_member_ref" ("practice_id") WHERE NOT "removed"`,
    );

    // What each recipient (practice × address) wants; a missing row means "on".
    await q.query(`
      CREATE TABLE "notifications"."recipient_preference" (
        "practice_id" uuid NOT NULL,
        "email" text NOT NULL CHECK ("email" = lower("email")),
        "kind" text NOT NULL,
        "enabled" boolean NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "updated_by" text,
        PRIMARY KEY ("practice_id", "email", "kind")
      )`);

    // The e-mail outbox and log: one row per (triggering event, recipient), written in the
    // transaction of the event's inbox row; the sender loop delivers and records it.
    await q.query(`
      CREATE TABLE "notifications"."email" (
        "id" uuid PRIMARY KEY,
        "event_id" uuid NOT NULL,
        "event_type" text NOT NULL,
        "kind" text NOT NULL,
        "template" text NOT NULL,
        "practice_id" uuid NOT NULL,
        "recipient" text NOT NULL CHECK ("recipient" = lower("recipient")),
        "subject" text NOT NULL,
        "text_body" text NOT NULL,
        "html_body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'sent', 'failed')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "locked_until" timestamptz,
        "claim_token" uuid,
        "last_attempt_at" timestamptz,
        "last_error" text,
        "smtp_response" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "failed_at" timestamptz,
        CONSTRAINT "email_event_recipient_uq" UNIQUE ("event_id", "recipient")
      )`);
    await q.query(
      `CREATE INDEX "email_due_idx" ON "notifications"."email" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await q.query(`CREATE INDEX "email_log_idx" ON "notifications"."email" ("created_at" DESC, "id")`);
    await q.query(
      `CREATE INDEX "email_log_status_idx" ON "notifications"."email" ("status", "created_at" DESC, "id")`,
    );

    await q.query(`
      CREATE TABLE "notifications"."inbox" (
        "consumer" text NOT NULL,
        "event_id" uuid NOT NULL,
        "type" text NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"."inbox"`);
    await q.query(`DROP TABLE "notifications"."email"`);
    await q.query(`DROP TABLE "notifications"."recipient_preference"`);
    await q.query(`DROP TABLE "notifications"."team_member_ref"`);
    await q.query(`DROP TABLE "notifications"."practice_ref"`);
  }
}
