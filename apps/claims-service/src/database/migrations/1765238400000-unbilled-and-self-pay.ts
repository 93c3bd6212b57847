import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record of every self-pay switch of an appointment (and back): who, when, why; an
 * appointment's switches are read newest first. And the unbilled list filtered by clinician: the
 * rows of `appointment_unbilled_idx` per rendering team member, in list order, so the filter is an
 * index range and not a scan of the practice's whole list.
 */
export class UnbilledAndSelfPay1765238400000 implements MigrationInterface {
  name = 'UnbilledAndSelfPay1765238400000';

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
    await q.query(`
      CREATE INDEX "appointment_unbilled_clinician_idx" ON "claims"."appointment" ("practice_id", "rendering_team_member_id", "service_date" DESC, "id")
      WHERE "claim_id" IS NULL AND "attendance" = 'attended' AND "billing_type" = 'insurance'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "claims"."appointment_unbilled_clinician_idx"`);
    await q.query(`DROP TABLE "claims"."appointment_billing_type_change"`);
  }
}
