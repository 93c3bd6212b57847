import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record of every self-pay switch of an appointment (and back): who, when, why. An
 * appointment's switches are read newest first.
 */
export class BillingTypeChanges1765238400000 implements MigrationInterface {
  name = 'BillingTypeChanges1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "claims"."appointment_billing_type_change" (
        "id" uuid PRIMARY KEY,
        "appointment_id" uuid NOT NULL REFERENCES "claims"."appointment" ("id") ON DELETE CASCADE,
        "practice_id" uuid NOT NULL,
        "from_type" text NOT NULL CHECK ("from_type" IN ('insurance', 'self_pay')),
        "to_type" text NOT NULL CHECK ("to_type" IN ('insurance', 'self_pay')),
        "reason" text NOT NULL,
        "changed_by" text NOT NULL,
        "changed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "appointment_billing_type_change_idx" ON "claims"."appointment_billing_type_change" ("appointment_id", "changed_at" DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "claims"."appointment_billing_type_change"`);
  }
}
