import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the practice-settings domain: legal vs display name, Secure Messaging switches,
 * clinicians' credentials and taxonomy, office locations, the billing profile (Tax ID with the
 * SSN encrypted by the application), and the stored readiness flag that lists filter on.
 */
export class PracticeSettingsDomain1764316800000 implements MigrationInterface {
  name = 'PracticeSettingsDomain1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "practice_settings"."practice"
        ADD COLUMN "legal_name" text,
        ADD COLUMN "secure_messaging_enabled" boolean NOT NULL DEFAULT false,
        ADD COLUMN "settings_complete" boolean NOT NULL DEFAULT false`);
    // The list orders by lower(name), id; the initial index (text_pattern_ops) serves prefix search, not that order.
    await q.query(
      `CREATE INDEX "practice_list_order_idx" ON "practice_settings"."practice" (lower("name"), "id")`,
    );
    await q.query(
      `CREATE INDEX "practice_complete_name_idx" ON "practice_settings"."practice" ("settings_complete", lower("name"), "id")`,
    );
    await q.query(`
      ALTER TABLE "practice_settings"."team_member"
        ADD COLUMN "credentials" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "taxonomy_code" char(10),
        ADD COLUMN "secure_messaging_enabled" boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE "practice_settings"."location" (
        "id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL REFERENCES "practice_settings"."practice" ("id"),
        "name" text NOT NULL,
        "phone" text,
        "address_line1" text NOT NULL,
        "address_line2" text,
        "address_city" text NOT NULL,
        "address_state" char(2) NOT NULL,
        "address_zip" text NOT NULL,
        "place_of_service" char(2) NOT NULL,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "removed_at" timestamptz
      )`);
    await q.query(
      `CREATE INDEX "location_practice_idx" ON "practice_settings"."location" ("practice_id") WHERE "removed_at" IS NULL`,
    );
    await q.query(`
      CREATE TABLE "practice_settings"."billing_profile" (
        "practice_id" uuid PRIMARY KEY REFERENCES "practice_settings"."practice" ("id"),
        "bill_as" text NOT NULL CHECK ("bill_as" IN ('individual', 'organization')),
        "organization_npi" char(10),
        "tax_id_kind" text CHECK ("tax_id_kind" IN ('ein', 'ssn')),
        "tax_id_ein" char(9),
        "tax_id_ssn_cipher" text,
        "taxonomy_code" char(10),
        "billing_line1" text,
        "billing_line2" text,
        "billing_city" text,
        "billing_state" char(2),
        "billing_zip" text,
        "pay_to_line1" text,
        "pay_to_line2" text,
        "pay_to_city" text,
        "pay_to_state" char(2),
        "pay_to_zip" text,
        "service_facility_location" boolean NOT NULL,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "billing_profile_tax_id_ck" CHECK (
          ("tax_id_kind" IS NULL AND "tax_id_ein" IS NULL AND "tax_id_ssn_cipher" IS NULL)
          OR ("tax_id_kind" = 'ein' AND "tax_id_ein" IS NOT NULL AND "tax_id_ssn_cipher" IS NULL)
          OR ("tax_id_kind" = 'ssn' AND "tax_id_ssn_cipher" IS NOT NULL AND "tax_id_ein" IS NULL)
        )
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "practice_settings"."billing_profile"`);
    await q.query(`DROP TABLE "practice_settings"."location"`);
    await q.query(
      `ALTER TABLE "practice_settings"."team_member" DROP COLUMN "credentials", DROP COLUMN "taxonomy_code", DROP COLUMN "secure_messaging_enabled"`,
    );
    await q.query(`DROP INDEX "practice_settings"."practice_complete_name_idx"`);
    await q.query(`DROP INDEX "practice_settings"."practice_list_order_idx"`);
    await q.query(
      `ALTER TABLE "practice_settings"."practice" DROP COLUMN "legal_name", DROP COLUMN "secure_messaging_enabled", DROP COLUMN "settings_complete"`,
    );
  }
}
