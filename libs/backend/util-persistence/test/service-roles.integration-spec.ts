import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createTestDatabase,
  dropRoles,
  provisionServiceRoles,
  ServiceRole,
  TestDatabase,
} from '@claimline/backend/util-testing';
import { runMigrations, serviceDataSourceOptions } from '../src';

class CreatePolicies1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE client_insurance.policy (id int PRIMARY KEY, member_id text NOT NULL)');
  }
  async down(): Promise<void> {
    return undefined;
  }
}

async function as<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const denied = { code: '42501' };

// One login role per service, owning only its schema (tools/scripts/lib/access.mjs, ADR 0012).
describe('database roles per service', () => {
  const tag = randomBytes(3).toString('hex');
  const roles: Record<string, ServiceRole> = {
    'api-gateway': { role: `claimline_gateway_t${tag}`, password: randomBytes(12).toString('hex') },
    'practice-settings-service': {
      role: `claimline_practice_settings_t${tag}`,
      password: randomBytes(12).toString('hex'),
    },
    'client-insurance-service': {
      role: `claimline_client_insurance_t${tag}`,
      password: randomBytes(12).toString('hex'),
    },
  };
  let db: TestDatabase;
  let urls: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('claimline_roles');
    // A database migrated before roles existed: the gateway's table belongs to the superuser.
    await as(db.url, async (c) => {
      await c.query('CREATE SCHEMA gateway');
      await c.query('CREATE TABLE gateway.users (id serial PRIMARY KEY, email text, password_hash text)');
      await c.query(`INSERT INTO gateway.users (email, password_hash) VALUES ('a@b.c', 'secret')`);
    });
    urls = provisionServiceRoles(db.url, roles);
    // Twice: it is idempotent.
    urls = provisionServiceRoles(db.url, roles);
  });

  afterAll(async () => {
    await db?.drop();
    await dropRoles(Object.values(roles).map((r) => r.role));
  });

  it("hands each schema and what is already in it to the service's role", async () => {
    const owners = await as(db.url, (c) =>
      c.query<{ nspname: string; owner: string }>(
        `SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace
          WHERE nspname IN ('gateway', 'practice_settings', 'client_insurance') ORDER BY nspname`,
      ),
    );
    expect(owners.rows).toEqual([
      { nspname: 'client_insurance', owner: roles['client-insurance-service'].role },
      { nspname: 'gateway', owner: roles['api-gateway'].role },
      { nspname: 'practice_settings', owner: roles['practice-settings-service'].role },
    ]);
    const rows = await as(urls['api-gateway'], async (c) => {
      await c.query(`INSERT INTO gateway.users (email, password_hash) VALUES ('d@e.f', 'x')`);
      await c.query('ALTER TABLE gateway.users ADD COLUMN IF NOT EXISTS name text');
      return (await c.query('SELECT count(*)::int AS n FROM gateway.users')).rows[0].n;
    });
    expect(rows).toBe(2);
  });

  it("does not let a service's role read or change another schema", async () => {
    await as(urls['practice-settings-service'], async (c) => {
      await expect(c.query('SELECT email, password_hash FROM gateway.users')).rejects.toMatchObject(denied);
      await expect(c.query(`INSERT INTO gateway.users (email) VALUES ('x')`)).rejects.toMatchObject(denied);
      await expect(c.query('CREATE TABLE gateway.sneaky (id int)')).rejects.toMatchObject(denied);
      await expect(c.query('CREATE SCHEMA other')).rejects.toMatchObject(denied);
      await expect(c.query('CREATE TABLE public.sneaky (id int)')).rejects.toMatchObject(denied);
      await expect(c.query(`ALTER ROLE CURRENT_USER SUPERUSER`)).rejects.toMatchObject(denied);
    });
  });

  it('runs migrations as the role, and the outbox relay can LISTEN and take its advisory lock', async () => {
    const ran = await runMigrations(
      serviceDataSourceOptions({
        url: urls['client-insurance-service'],
        schema: 'client_insurance',
        entities: [],
        migrations: [CreatePolicies1700000000000],
      }),
    );
    expect(ran).toEqual(['CreatePolicies1700000000000']);
    await as(urls['client-insurance-service'], async (c) => {
      await c.query('LISTEN "client_insurance_outbox"');
      const { rows } = await c.query(
        `SELECT pg_try_advisory_lock(hashtext('claimline-outbox:client_insurance')) AS l`,
      );
      expect(rows[0].l).toBe(true);
      await c.query(`INSERT INTO client_insurance.policy VALUES (1, 'M1')`);
    });
    await as(urls['api-gateway'], async (c) => {
      await expect(c.query('SELECT member_id FROM client_insurance.policy')).rejects.toMatchObject(denied);
    });
  });
});
