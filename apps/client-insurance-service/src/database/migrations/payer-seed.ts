import { createHash } from 'node:crypto';
import { QueryRunner } from 'typeorm';
import { PAYERS, type Payer } from '@claimline/reference-data';

/**
 * Inserts the directory seed of @claimline/reference-data. Ids are name-based UUIDs (v5) of the
 * seed key, so every environment gives a seeded payer the same id.
 * `ON CONFLICT (key) DO NOTHING`: a later migration that calls this again (after new payers are
 * added to the seed) adds them without touching rows staff have edited.
 */
export async function seedPayers(q: QueryRunner, payers: readonly Payer[] = PAYERS): Promise<void> {
  for (const p of payers) {
    await q.query(
      `INSERT INTO "client_insurance"."payer"
         ("id", "key", "name", "aliases", "payer_ids", "kind", "states", "region", "is_bcbs",
          "claim_filing_enrollment_required", "era_supported", "era_enrollment_required", "verified", "source", "version")
       VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)
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
        payerSeedId(p.key),
      ],
    );
  }
}

/** Fixed namespace of Claimline's seeded payers (random, chosen once). */
const PAYER_NAMESPACE = 'a7c1f0e2-5b3d-4e8f-9a61-2d4c8b7e0f13';

/** RFC 9562 name-based UUID (version 5, SHA-1) of a payer seed key. */
export function payerSeedId(key: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(PAYER_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(key, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
