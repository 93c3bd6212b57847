import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { PAYERS, type Payer } from '@claimline/reference-data';
import type { ClientInsuranceEvents } from '@claimline/contracts/client-insurance';
import { ClientInsuranceEventTypes as Events } from '@claimline/contracts/client-insurance';
import type { Outbox } from '@claimline/backend/util-nats';
import { PayerEntity } from './entities/payer.entity';
import { PayerSeedEntity } from './entities/payer-seed.entity';
import { SeedVersionEntity } from './entities/seed-version.entity';
import { toPayerView } from './payer.mapper';

/**
 * The payer directory seed of @claimline/reference-data. Raise `version` with every change of
 * `PAYERS` (payer-seed.spec.ts compares the digest), so databases seeded before take the change.
 */
export const PAYER_SEED = {
  version: 1,
  digest: 'a158b3799c021214ca67129f92d65ea509727f4970de5ee134b5b373ab37addf',
} as const;

export interface PayerSeed {
  version: number;
  payers: readonly Payer[];
}

export interface PayerSeedResult {
  from: number;
  to: number;
  inserted: number;
  updated: number;
  /** Payers staff edited since the seed wrote them: left as they are. */
  kept: number;
}

type SeededFields = Omit<PayerEntity, 'id' | 'key' | 'version' | 'createdAt' | 'updatedAt'>;

/** What the seed writes of a payer; the same fields the first migration inserted. */
export function seededFields(p: Payer): SeededFields {
  return {
    name: p.name,
    aliases: [...(p.aliases ?? [])],
    payerIds: { ...p.payerIds },
    kind: p.kind,
    states: [...(p.states ?? [])],
    region: p.region ?? null,
    isBcbs: p.isBcbs,
    claimFilingEnrollmentRequired: p.claimFilingEnrollmentRequired,
    eraSupported: p.eraSupported,
    eraEnrollmentRequired: p.eraEnrollmentRequired,
    verified: p.idVerified,
    source: p.source,
  };
}

/** SHA-256 of the seeded fields of every payer, in order. */
export function payerSeedDigest(payers: readonly Payer[]): string {
  const canonical = payers.map((p) => ({ key: p.key, ...sortedPayerIds(seededFields(p)) }));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Brings the directory up to `seed.version`, once: inserts the seed's payers that are missing
 * (by id) and updates those a previous seed wrote and nobody edited since; a payer that left the
 * seed stays (policies refer to it). Runs in one transaction behind the `seed_version` row lock,
 * so replicas starting together seed once. A database seeded before hears of every payer added
 * or changed (`payer.created` / `payer.updated`); the first seed announces nothing, as consumers
 * read the whole directory when they start. Answers null when the database was up to date.
 */
export async function seedPayerDirectory(
  m: EntityManager,
  outbox: Outbox<ClientInsuranceEvents>,
  seed: PayerSeed = { version: PAYER_SEED.version, payers: PAYERS },
): Promise<PayerSeedResult | null> {
  await m
    .createQueryBuilder()
    .insert()
    .into(SeedVersionEntity)
    .values({ name: 'payers', version: 0 })
    .orIgnore()
    .execute();
  const state = await m.findOneOrFail(SeedVersionEntity, {
    where: { name: 'payers' },
    lock: { mode: 'pessimistic_write' },
  });
  if (state.version >= seed.version) return null;
  const announce = state.version > 0;
  const ids = seed.payers.map((p) => payerSeedId(p.key));
  const rows = new Map((await m.findBy(PayerEntity, { id: In(ids) })).map((p) => [p.id, p]));
  const marks = new Map((await m.findBy(PayerSeedEntity, { payerId: In(ids) })).map((s) => [s.payerId, s]));
  const result: PayerSeedResult = { from: state.version, to: seed.version, inserted: 0, updated: 0, kept: 0 };
  for (const p of seed.payers) {
    const id = payerSeedId(p.key);
    const fields = seededFields(p);
    const row = rows.get(id);
    let payer: PayerEntity;
    let changed: string[];
    if (!row) {
      payer = await m.save(m.create(PayerEntity, { id, key: p.key, ...fields }));
      changed = Object.keys(fields);
      result.inserted++;
    } else {
      const mark = marks.get(id);
      if (!mark || mark.payerVersion !== row.version) {
        result.kept++;
        continue;
      }
      changed = changedFields(row, fields);
      if (changed.length === 0) continue;
      payer = await m.save(Object.assign(row, fields));
      result.updated++;
    }
    await m.save(
      m.create(PayerSeedEntity, { payerId: id, seedVersion: seed.version, payerVersion: payer.version }),
    );
    if (announce) {
      await outbox.add(m, null, {
        type: row ? Events.payerUpdated : Events.payerCreated,
        aggregateId: id,
        practiceId: null,
        data: { payer: toPayerView(payer), changed },
      });
    }
  }
  state.version = seed.version;
  await m.save(state);
  return result;
}

function changedFields(row: PayerEntity, fields: SeededFields): string[] {
  const current = sortedPayerIds(row);
  const next = sortedPayerIds(fields);
  return (Object.keys(fields) as (keyof SeededFields)[]).filter(
    (k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]),
  );
}

/** jsonb keeps object keys in its own order: compare payer IDs by sorted key. */
function sortedPayerIds<T extends { payerIds: Record<string, string> }>(x: T): T {
  return {
    ...x,
    payerIds: Object.fromEntries(Object.entries(x.payerIds).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Fixed namespace of Claimline's seeded payers (random, chosen once). */
const PAYER_NAMESPACE = 'a7c1f0e2-5b3d-4e8f-9a61-2d4c8b7e0f13';

/** RFC 9562 name-based UUID (version 5, SHA-1) of a payer seed key, so every environment gives a seeded payer the same id. */
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
