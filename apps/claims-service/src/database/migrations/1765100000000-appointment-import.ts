import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rows of imported appointment CSV files that were saved. Its primary key — practice, the
 * file's SHA-256, the row — is what makes a re-upload of the same file create nothing new, even
 * when two uploads run at once (the second insert of a key does nothing). The key is written
 * before its appointment, in the same transaction, so the reference is checked at commit.
 */
export class AppointmentImport1765100000000 implements MigrationInterface {
  name = 'AppointmentImport1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "claims"."appointment_import_row" (
        "practice_id" uuid NOT NULL,
        "file_sha256" text NOT NULL,
        "row" integer NOT NULL,
        "appointment_id" uuid NOT NULL REFERENCES "claims"."appointment" ("id") DEFERRABLE INITIALLY DEFERRED,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("practice_id", "file_sha256", "row")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "claims"."appointment_import_row"`);
  }
}
