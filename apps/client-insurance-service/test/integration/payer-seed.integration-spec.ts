import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { PAYERS, type Payer } from '@claimline/reference-data';
import type { ClientInsuranceEvents } from '@claimline/contracts/client-insurance';
import { Outbox } from '@claimline/backend/util-nats';
import { runMigrations } from '@claimline/backend/util-persistence';
import { createTestDatabase, TestDatabase } from '@claimline/backend/util-testing';
import { SCHEMA } from '../../src/config/env';
import { clientInsuranceDataSourceOptions } from '../../src/database/data-source';
import { Initial1764316800000 } from '../../src/database/migrations/1764316800000-initial';
import { PAYER_SEED, PayerSeed, payerSeedId, seedPayerDirectory } from '../../src/payers/payer-seed';

/**
 * The first migration as it was: the schema, then the seed of @claimline/reference-data inserted
 * in the migration itself (the statement of the old `payer-seed.ts`, PAYERS being the seed of
 * PAYER_SEED version 1). Same name, so the migrations that follow see it as already run.
 */
class OldInitial1764316800000 implements MigrationInterface {
  name = 'Initial1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await new Initial1764316800000().up(q);
    for (const p of PAYERS) {
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

  async down(): Promise<void> {
    throw new Error('not needed');
  }
}

const outbox = new Outbox<ClientInsuranceEvents>(SCHEMA);

describe('payer directory seed (real PostgreSQL)', () => {
  const databases: TestDatabase[] = [];
  const sources: DataSource[] = [];

  /** A database migrated as a new install is: every migration of today. */
  async function freshDatabase(): Promise<DataSource> {
    const db = await createTestDatabase();
    databases.push(db);
    await runMigrations(clientInsuranceDataSourceOptions(db.url));
    return open(db.url);
  }

  /** A database whose first migration inserted the seed, then `beforeUpgrade`, then today's migrations. */
  async function oldDatabase(beforeUpgrade?: (ds: DataSource) => Promise<void>): Promise<DataSource> {
    const db = await createTestDatabase();
    databases.push(db);
    await runMigrations({
      ...clientInsuranceDataSourceOptions(db.url),
      migrations: [OldInitial1764316800000],
    });
    const ds = await open(db.url);
    if (beforeUpgrade) await beforeUpgrade(ds);
    // Every migration after the first runs, the seed version step among them.
    const today = (clientInsuranceDataSourceOptions(db.url).migrations as { name: string }[]).map(
      (m) => m.name,
    );
    expect(today.slice(0, 3)).toEqual([
      'Initial1764316800000',
      'PolicyCards1779100000000',
      'PayerSeedVersion1779200000000',
    ]);
    expect(await runMigrations(clientInsuranceDataSourceOptions(db.url))).toEqual(today.slice(1));
    return ds;
  }

  async function open(url: string): Promise<DataSource> {
    const ds = new DataSource(clientInsuranceDataSourceOptions(url));
    await ds.initialize();
    sources.push(ds);
    return ds;
  }

  const seed = (ds: DataSource, s?: PayerSeed) => ds.transaction((m) => seedPayerDirectory(m, outbox, s));

  /** Every stored fact of every payer but its timestamps, in id order. */
  const payers = (ds: DataSource) =>
    ds.query(
      `SELECT "id", "key", "name", "aliases", "payer_ids", "kind", "states", "region", "is_bcbs",
              "claim_filing_enrollment_required", "era_supported", "era_enrollment_required", "verified", "source", "version"
         FROM "client_insurance"."payer" ORDER BY "id"`,
    );
  const seedState = async (ds: DataSource) => ({
    version: await ds.query(`SELECT "name", "version" FROM "client_insurance"."seed_version"`),
    marks: await ds.query(
      `SELECT "payer_id", "seed_version", "payer_version" FROM "client_insurance"."payer_seed" ORDER BY "payer_id"`,
    ),
  });
  const events = (ds: DataSource) =>
    ds.query(
      `SELECT "type", "aggregate_id" AS "payerId", "data" FROM "client_insurance"."outbox" ORDER BY "seq"`,
    );

  afterAll(async () => {
    for (const ds of sources) await ds.destroy();
    for (const db of databases) await db.drop();
  });

  it('gives a new database and one migrated from the old first migration the same payers', async () => {
    const fresh = await freshDatabase();
    expect(await payers(fresh)).toEqual([]);
    expect(await seed(fresh)).toEqual({
      from: 0,
      to: PAYER_SEED.version,
      inserted: PAYERS.length,
      updated: 0,
      kept: 0,
    });

    const old = await oldDatabase();
    expect(await seed(old)).toBeNull();

    const freshPayers = await payers(fresh);
    expect(freshPayers).toHaveLength(PAYERS.length);
    expect(freshPayers.find((p: { key: string }) => p.key === 'aetna')).toMatchObject({
      id: payerSeedId('aetna'),
      version: 1,
    });
    expect(await payers(old)).toEqual(freshPayers);
    expect(await seedState(old)).toEqual(await seedState(fresh));
    expect(await seedState(fresh)).toMatchObject({
      version: [{ name: 'payers', version: PAYER_SEED.version }],
    });
    // The first seed announces nothing: consumers read the whole directory when they start.
    expect(await events(fresh)).toEqual([]);
    expect(await events(old)).toEqual([]);

    // Idempotent: seeding again changes nothing.
    expect(await seed(fresh)).toBeNull();
    expect(await payers(fresh)).toEqual(freshPayers);
  });

  it('brings a later seed version in: adds and updates payers, keeps what staff edited, announces each change', async () => {
    const aetna = payerSeedId('aetna');
    const cigna = payerSeedId('cigna');
    // Staff edited Aetna before the database was upgraded.
    const old = await oldDatabase((ds) =>
      ds.query(
        `UPDATE "client_insurance"."payer" SET "name" = 'Aetna (our contract)', "version" = "version" + 1 WHERE "id" = $1`,
        [aetna],
      ),
    );
    const added: Payer = {
      ...PAYERS.find((p) => p.key === 'cigna')!,
      key: 'test-new-payer',
      name: 'New Payer',
    };
    const next: PayerSeed = {
      version: PAYER_SEED.version + 1,
      payers: [
        ...PAYERS.map((p) => {
          if (p.key === 'aetna') return { ...p, name: 'Aetna Health' };
          if (p.key === 'cigna') return { ...p, eraSupported: !p.eraSupported, eraEnrollmentRequired: false };
          return p;
        }),
        added,
      ],
    };

    expect(await seed(old, next)).toEqual({
      from: PAYER_SEED.version,
      to: next.version,
      inserted: 1,
      updated: 1,
      kept: 1,
    });
    const byId = new Map((await payers(old)).map((p: { id: string }) => [p.id, p]));
    expect(byId.get(aetna)).toMatchObject({ name: 'Aetna (our contract)', version: 2 });
    const cignaBefore = PAYERS.find((p) => p.key === 'cigna')!;
    expect(byId.get(cigna)).toMatchObject({ era_supported: !cignaBefore.eraSupported, version: 2 });
    expect(byId.get(payerSeedId('test-new-payer'))).toMatchObject({ name: 'New Payer', version: 1 });

    const announced = await events(old);
    expect(announced.map((e: { type: string; payerId: string }) => [e.type, e.payerId])).toEqual([
      ['client-insurance.payer.updated', cigna],
      ['client-insurance.payer.created', payerSeedId('test-new-payer')],
    ]);
    expect(announced[0].data).toMatchObject({
      payer: { id: cigna, version: 2, eraSupported: !cignaBefore.eraSupported },
      changed: expect.arrayContaining(['eraSupported']),
    });

    // Once per version, whoever runs it again.
    expect(await seed(old, next)).toBeNull();
    expect(await events(old)).toHaveLength(2);
    expect(await seedState(old)).toMatchObject({ version: [{ name: 'payers', version: next.version }] });
  });
});
