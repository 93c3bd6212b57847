import { Client } from 'pg';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@claimline/backend/util-testing';
import { runMigrations, serviceDataSourceOptions } from '../src';

// Slow on purpose: without the lock a second runner would read the migrations table while the
// first is still inside this migration and run it again (CREATE TABLE fails: already exists).
class CreateThings1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things.thing (id int PRIMARY KEY)');
    await q.query('SELECT pg_sleep(0.3)');
    await q.query('INSERT INTO things.thing VALUES (1)');
  }
  async down(): Promise<void> {
    return undefined;
  }
}

class AddName1700000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE things.thing ADD COLUMN name text');
  }
  async down(): Promise<void> {
    return undefined;
  }
}

describe('runMigrations from several replicas at once (init containers)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('runs each migration once: the others wait for the lock and find nothing pending', async () => {
    const options = serviceDataSourceOptions({
      url: db.url,
      schema: 'things',
      entities: [],
      migrations: [CreateThings1700000000000, AddName1700000000001],
    });
    const runs = await Promise.all([runMigrations(options), runMigrations(options), runMigrations(options)]);
    expect(runs.flat().sort()).toEqual(['AddName1700000000001', 'CreateThings1700000000000']);
    expect(runs.filter((r) => r.length === 0)).toHaveLength(2);

    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query('SELECT name FROM things.migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(['CreateThings1700000000000', 'AddName1700000000001']);
      // the lock is given back: nothing of ours is held once every run has returned
      const held = await c.query(
        `SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(held.rows[0].n).toBe(0);
    } finally {
      await c.end();
    }
  });
});
