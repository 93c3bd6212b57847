import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seeding leaves the migrations (ADR 0018): the payer directory is seeded by a versioned step
 * when the service starts. A database whose first migration still inserted the seed is recorded
 * here as seeded with version 1 — what that migration inserted — with each keyed payer at
 * version 1, so a payer staff have edited since (version 2 or more) is never overwritten.
 * Literal SQL only: a migration must give the same schema and rows whenever it runs.
 */
export class PayerSeedVersion1779200000000 implements MigrationInterface {
  name = 'PayerSeedVersion1779200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "client_insurance"."seed_version" (
        "name" text PRIMARY KEY,
        "version" integer NOT NULL CHECK ("version" >= 0),
        "seeded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "client_insurance"."payer_seed" (
        "payer_id" uuid PRIMARY KEY REFERENCES "client_insurance"."payer" ("id"),
        "seed_version" integer NOT NULL,
        "payer_version" integer NOT NULL
      )`);
    await q.query(
      `INSERT INTO "client_insurance"."payer_seed" ("payer_id", "seed_version", "payer_version")
       SELECT "id", 1, 1 FROM "client_insurance"."payer" WHERE "key" IS NOT NULL`,
    );
    await q.query(
      `INSERT INTO "client_insurance"."seed_version" ("name", "version")
       SELECT 'payers', 1 WHERE EXISTS (SELECT 1 FROM "client_insurance"."payer_seed")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "client_insurance"."payer_seed"`);
    await q.query(`DROP TABLE "client_insurance"."seed_version"`);
  }
}
