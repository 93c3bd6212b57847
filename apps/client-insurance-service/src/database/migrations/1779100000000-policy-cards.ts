import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of the insurance card images, fed by documents-service's events: one row per
 * document linked to a policy. `side` and `uploaded_at` come from `documents.document.uploaded`,
 * `removed_at` from `documents.document.removed`; either may arrive first (redelivery, several
 * replicas), so a removal seen before its upload leaves a row with `side` still null. No foreign
 * key to the policy: the ids are the documents service's record of what the uploader named.
 */
export class PolicyCards1779100000000 implements MigrationInterface {
  name = 'PolicyCards1779100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "client_insurance"."policy_card" (
        "document_id" uuid PRIMARY KEY,
        "practice_id" uuid NOT NULL,
        "policy_id" uuid NOT NULL,
        "side" text CHECK ("side" IN ('front', 'back')),
        "uploaded_at" timestamptz,
        "removed_at" timestamptz
      )`);
    // The card on file for a side: the newest upload not removed (missing-info EXISTS, policy views).
    await q.query(
      `CREATE INDEX "policy_card_current_idx" ON "client_insurance"."policy_card" ("policy_id", "side", "uploaded_at" DESC, "document_id")
       WHERE "removed_at" IS NULL AND "side" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "client_insurance"."policy_card"`);
  }
}
