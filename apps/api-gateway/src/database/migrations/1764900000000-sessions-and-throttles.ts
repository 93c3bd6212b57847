import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that access tokens name (revoked at logout), per-account sign-in throttling, and the
 * rate-limit counters every gateway replica shares.
 */
export class GatewaySessionsAndThrottles1764900000000 implements MigrationInterface {
  name = 'GatewaySessionsAndThrottles1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."session" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "gateway"."user_account" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz
      )`);
    await q.query(
      `CREATE INDEX "session_user_live_idx" ON "gateway"."session" ("user_id") WHERE "revoked_at" IS NULL`,
    );
    // Every refresh-token family so far is a session: signed-in users keep their refresh token.
    await q.query(`
      INSERT INTO "gateway"."session" ("id", "user_id", "created_at", "revoked_at")
      SELECT "family_id", (array_agg("user_id"))[1], min("created_at"),
             CASE WHEN bool_and("revoked_at" IS NOT NULL) THEN max("revoked_at") END
        FROM "gateway"."refresh_token" GROUP BY "family_id"`);
    await q.query(`
      ALTER TABLE "gateway"."refresh_token" ADD CONSTRAINT "refresh_token_session_fk"
        FOREIGN KEY ("family_id") REFERENCES "gateway"."session" ("id") ON DELETE CASCADE`);
    await q.query(`
      CREATE TABLE "gateway"."login_throttle" (
        "account_key" text PRIMARY KEY,
        "failures" integer NOT NULL,
        "last_attempt_at" timestamptz NOT NULL,
        "locked_until" timestamptz
      )`);
    // Counters only: losing them in a crash resets the limits, so no WAL for them.
    await q.query(`
      CREATE UNLOGGED TABLE "gateway"."rate_limit" (
        "key" text PRIMARY KEY,
        "hits" integer NOT NULL,
        "window_ends" timestamptz NOT NULL,
        "blocked_until" timestamptz
      )`);
    await q.query(`CREATE INDEX "rate_limit_window_idx" ON "gateway"."rate_limit" ("window_ends")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."rate_limit"`);
    await q.query(`DROP TABLE "gateway"."login_throttle"`);
    await q.query(`ALTER TABLE "gateway"."refresh_token" DROP CONSTRAINT "refresh_token_session_fk"`);
    await q.query(`DROP TABLE "gateway"."session"`);
  }
}
