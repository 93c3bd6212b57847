import { QueryRunner } from 'typeorm';
import { PAYERS, type Payer } from '@claimline/reference-data';

/**
 * Inserts the directory seed of @claimline/reference-data. Ids are derived from the seed key
 * (`md5('claimline-payer:' || key)::uuid`), so every environment gives a seeded payer the same id.
 * `ON CONFLICT (key) DO NOTHING`: a later migration that calls this again (after new payers are
 * added to the seed) adds them without touching rows staff have edited.
 */
export async function seedPayers(q: QueryRunner, payers: readonly Payer[] = PAYERS): Promise<void> {
  for (const p of payers) {
    await q.query(
      `INSERT INTO "client_insurance"."payer"
         ("id", "key", "name", "aliases", "payer_ids", "kind", "states", "region", "is_bcbs",
          "claim_filing_enrollment_required", "era_supported", "era_enrollment_required", "verified", "source", "version")
       VALUES (md5('claimline-payer:' || $1)::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)
       ON CONFLICT ("key") DO NOTHING`,
      [
        p.key,
        p.name,
        [...(p.aliases ?? [])],
        JSON.stringify(p.payerIds),
        p.kind,
        [...(p.states ?? [])],
        p.region ?? null,
        p.isBcbs,
        p.claimFilingEnrollmentRequired,
        p.eraSupported,
        p.eraEnrollmentRequired,
        p.idVerified,
        p.source,
      ],
    );
  }
}
