import { MigrationInterface, QueryRunner } from 'typeorm';
import { ABOUT_TYPES, PARTICIPANT_KINDS, PARTICIPANT_SIDES } from '@claimline/contracts/messaging';
import { createOutboxAndInbox, dropOutboxAndInbox } from '@claimline/backend/util-nats';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export class Initial1780000000000 implements MigrationInterface {
  name = 'Initial1780000000000';

  async up(q: QueryRunner): Promise<void> {
    // Read model of practice-settings: the practice's Secure Messaging switch.
    await q.query(`
      CREATE TABLE "messaging"."practice_ref" (
        "practice_id" uuid PRIMARY KEY,
        "secure_messaging_enabled" boolean NOT NULL,
        "version" integer NOT NULL
      )`);
    // Read model of practice-settings: each team member's address and switch (a removed member stays as a tombstone).
    await q.query(`
      CREATE TABLE "messaging"."member_ref" (
        "member_id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "email" text NOT NULL,
        "secure_messaging_enabled" boolean NOT NULL,
        "removed" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL
      )`);
    await q.query(
      `CREATE INDEX "member_ref_practice_email_idx" ON "messaging"."member_ref" ("practice_id", "email")`,
    );
    await q.query(`
      CREATE TABLE "messaging"."thread" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "subject" text NOT NULL,
        "about_type" text CHECK ("about_type" IN (${list(ABOUT_TYPES)})),
        "about_id" uuid,
        "created_by" uuid NOT NULL,
        "last_message_at" timestamptz NOT NULL DEFAULT now(),
        "message_count" integer NOT NULL DEFAULT 0,
        "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "subject")) STORED,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("about_type" IS NULL) = ("about_id" IS NULL))
      )`);
    await q.query(
      `CREATE INDEX "thread_practice_last_idx" ON "messaging"."thread" ("practice_id", "last_message_at" DESC, "id" DESC)`,
    );
    await q.query(`CREATE INDEX "thread_about_idx" ON "messaging"."thread" ("about_type", "about_id")`);
    await q.query(`CREATE INDEX "thread_search_idx" ON "messaging"."thread" USING gin ("search")`);
    // Who is in a thread. (kind, participant_id) leaves room for clients and contacts later.
    await q.query(`
      CREATE TABLE "messaging"."participant" (
        "thread_id" uuid NOT NULL REFERENCES "messaging"."thread" ("id"),
        "kind" text NOT NULL CHECK ("kind" IN (${list(PARTICIPANT_KINDS)})),
        "participant_id" uuid NOT NULL,
        "practice_id" uuid NOT NULL,
        "side" text NOT NULL CHECK ("side" IN (${list(PARTICIPANT_SIDES)})),
        "role" text NOT NULL,
        "email" text NOT NULL,
        "display_name" text NOT NULL,
        "joined_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("thread_id", "kind", "participant_id")
      )`);
    await q.query(
      `CREATE INDEX "participant_user_idx" ON "messaging"."participant" ("participant_id", "practice_id")`,
    );
    await q.query(`
      CREATE TABLE "messaging"."message" (
        "id" uuid PRIMARY KEY,
        "seq" bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        "thread_id" uuid NOT NULL REFERENCES "messaging"."thread" ("id"),
        "practice_id" uuid NOT NULL,
        "sender_id" uuid NOT NULL,
        "text" text NOT NULL,
        "attachment_ids" uuid[] NOT NULL DEFAULT '{}',
        "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "edited_at" timestamptz,
        "deleted_at" timestamptz
      )`);
    await q.query(`CREATE INDEX "message_thread_seq_idx" ON "messaging"."message" ("thread_id", "seq")`);
    await q.query(`CREATE INDEX "message_search_idx" ON "messaging"."message" USING gin ("search")`);
    // Per-recipient read state: one row per message and recipient (never the sender).
    await q.query(`
      CREATE TABLE "messaging"."receipt" (
        "message_id" uuid NOT NULL REFERENCES "messaging"."message" ("id"),
        "recipient_id" uuid NOT NULL,
        "thread_id" uuid NOT NULL,
        "practice_id" uuid NOT NULL,
        "read_at" timestamptz,
        PRIMARY KEY ("message_id", "recipient_id")
      )`);
    await q.query(
      `CREATE INDEX "receipt_unread_idx" ON "messaging"."receipt" ("recipient_id", "practice_id", "thread_id") WHERE "read_at" IS NULL`,
    );
    // The durable unread e-mail schedule: one row per message and recipient, due at post time +
    // the recipient's delay; claimed with FOR UPDATE SKIP LOCKED (ADR 0020).
    await q.query(`
      CREATE TABLE "messaging"."unread_email" (
        "message_id" uuid NOT NULL REFERENCES "messaging"."message" ("id"),
        "recipient_id" uuid NOT NULL,
        "thread_id" uuid NOT NULL,
        "practice_id" uuid NOT NULL,
        "due_at" timestamptz NOT NULL,
        "done_at" timestamptz,
        "outcome" text CHECK ("outcome" IN ('emailed', 'read', 'deleted', 'off')),
        "event_id" uuid,
        PRIMARY KEY ("message_id", "recipient_id"),
        CHECK (("done_at" IS NULL) = ("outcome" IS NULL))
      )`);
    await q.query(
      `CREATE INDEX "unread_email_due_idx" ON "messaging"."unread_email" ("due_at") WHERE "done_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "unread_email_pair_idx" ON "messaging"."unread_email" ("thread_id", "recipient_id") WHERE "done_at" IS NULL`,
    );
    await q.query(`
      CREATE TABLE "messaging"."user_preference" (
        "user_id" uuid PRIMARY KEY,
        "unread_email_delay_seconds" integer,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await createOutboxAndInbox(q, 'messaging');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxAndInbox(q, 'messaging');
    for (const table of [
      'user_preference',
      'unread_email',
      'receipt',
      'message',
      'participant',
      'thread',
      'member_ref',
      'practice_ref',
    ]) {
      await q.query(`DROP TABLE "messaging"."${table}"`);
    }
  }
}
