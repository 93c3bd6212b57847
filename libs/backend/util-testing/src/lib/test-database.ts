import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server tests use: `TEST_DATABASE_SERVER_URL`, else the local default. */
export function testServerUrl(): string {
  return process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file on the real PostgreSQL server; `drop()` removes it.
 * Runs never share state and never collide, even in parallel.
 */
export async function createTestDatabase(prefix = 'claimline_t'): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      const c = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A service's PostgreSQL login role. */
export interface ServiceRole {
  role: string;
  password: string;
}

/**
 * Runs the role set-up of the local stack (`tools/scripts/lib/access.mjs`, ADR 0012) on a
 * database as its superuser: one login role per app owning only its schema. Returns app → URL.
 */
export function provisionServiceRoles(
  url: string,
  roles: Record<string, ServiceRole>,
): Record<string, string> {
  const script = resolve(__dirname, '../../../../../tools/scripts/lib/access.mjs');
  const out = execFileSync(process.execPath, [script, 'provision-db', url, JSON.stringify(roles)], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string>;
}

/** Drops login roles (after the databases they had objects in are gone). */
export async function dropRoles(roles: string[]): Promise<void> {
  const c = new Client({ connectionString: databaseUrl(testServerUrl(), 'postgres') });
  await c.connect();
  try {
    for (const role of roles) await c.query(`DROP ROLE IF EXISTS "${role}"`);
  } finally {
    await c.end();
  }
}
