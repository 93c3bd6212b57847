import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claim an appointment is billed on. Null while the appointment is unbilled; set when a claim
 * is created from it (also a "filed outside" claim) and cleared again when that claim is voided,
 * so the appointment returns to the unbilled list. The partial index serves the unbilled list:
 * attended insurance appointments without a claim, newest first.
 */
export class AppointmentClaimLink1765065600000 implements MigrationInterface {
  name = 'AppointmentClaimLink1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "claims"."appointment" ADD COLUMN "claim_id" uuid`);
    await q.query(`
      CREATE INDEX "appointment_unbilled_idx" ON "claims"."appointment" ("practice_id", "service_date" DESC, "id")
      WHERE "claim_id" IS NULL AND "attendance" = 'attended' AND "billing_type" = 'insurance'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "claims"."appointment_unbilled_idx"`);
    await q.query(`ALTER TABLE "claims"."appointment" DROP COLUMN "claim_id"`);
  }
}
