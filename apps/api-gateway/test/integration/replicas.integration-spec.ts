import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { freePort, TestDatabase, testEventsConfig, waitFor } from '@claimline/backend/util-testing';
import { ADMIN_PASSWORD, gatewayDatabase, spawnFromSources, stackEnv, stopProcess } from './harness';

const ADMIN = { email: 'admin@replicas.test', password: ADMIN_PASSWORD };
const LOGIN_LIMIT = 8;

interface Reply {
  status: number;
  body: { detail?: string; accessToken?: string; refreshToken?: string };
  headers: Headers;
}

/** One gateway process, from its TypeScript sources (like documents-stack.ts). */
class Gateway {
  readonly output: string[] = [];
  child!: ChildProcess;
  base = '';

  async start(env: NodeJS.ProcessEnv): Promise<void> {
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.child = spawnFromSources('apps/api-gateway/src/main.ts', { ...env, PORT: String(port) }, (chunk) =>
      this.output.push(chunk),
    );
    await waitFor(
      'the gateway to listen',
      async () => {
        if (this.child.exitCode !== null) throw new Error(`exited:\n${this.output.join('')}`);
        return (await fetch(`${this.base}/health/live`)).ok;
      },
      90_000,
      250,
    );
  }

  /** A call from `client` (an address the gateway sees through X-Forwarded-For). */
  async call(method: string, path: string, client: string, body?: unknown, token?: string): Promise<Reply> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        'x-forwarded-for': client,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }
}

/**
 * Two gateway replicas on one database: a logout on one ends the session on the other at once
 * (not after its cache expires), the sign-in lock and the rate limits count across both, and a
 * refresh is never refused by the sign-in limit.
 */
describe('two gateway replicas (processes) sharing sessions, sign-in locks and rate limits', () => {
  let db: TestDatabase;
  let pg: Client;
  const a = new Gateway();
  const b = new Gateway();
  const events = testEventsConfig();

  beforeAll(async () => {
    db = await gatewayDatabase();
    const env = stackEnv(
      { db, events, adminEmail: ADMIN.email },
      {
        RPC_SIGNING_KEY: generateAssertionKeys().privateKey,
        LOG_LEVEL: 'warn',
        TRUST_PROXY: 'true',
        LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
      },
    );
    await Promise.all([a.start(env), b.start(env)]);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
    await pg?.end();
    await db?.drop();
  });

  const client = () => `10.1.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

  it('ends a session on every replica at logout, and only that session', async () => {
    const from = client();
    const first = (await a.call('POST', '/auth/login', from, ADMIN)).body;
    const second = (await b.call('POST', '/auth/login', from, ADMIN)).body;
    // Both replicas have the first session cached.
    expect((await a.call('GET', '/auth/me', from, undefined, first.accessToken)).status).toBe(200);
    expect((await b.call('GET', '/auth/me', from, undefined, first.accessToken)).status).toBe(200);

    expect((await a.call('POST', '/auth/logout', from, { refreshToken: first.refreshToken })).status).toBe(
      204,
    );
    const local = await a.call('GET', '/auth/me', from, undefined, first.accessToken);
    expect(local.status).toBe(401);
    expect(local.body.detail).toMatch(/session has ended/);
    // The other replica hears of it through PostgreSQL at commit: well within a second, where
    // its cache would have kept the session for 30.
    const t0 = Date.now();
    await waitFor(
      'replica B to refuse the ended session',
      async () => (await b.call('GET', '/auth/me', from, undefined, first.accessToken)).status === 401,
      1_000,
      20,
    );
    expect(Date.now() - t0).toBeLessThan(1_000);

    for (const gw of [a, b])
      expect((await gw.call('GET', '/auth/me', from, undefined, second.accessToken)).status).toBe(200);
  });

  it('locks an e-mail after repeated failures on either replica, the same for an unknown one, and audits each attempt', async () => {
    const from = client();
    const email = `nobody-${randomBytes(4).toString('hex')}@replicas.test`;
    const wrong = { email, password: 'wrong-password-wrong' };
    // LOGIN_LOCK_AFTER_FAILURES is 5 by default: the fifth failure sets the lock.
    for (let i = 0; i < 5; i++)
      expect((await (i % 2 ? b : a).call('POST', '/auth/login', from, wrong)).status).toBe(401);
    for (const gw of [a, b]) {
      const locked = await gw.call('POST', '/auth/login', from, wrong);
      expect(locked.status).toBe(429);
      expect(locked.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(locked.body.detail).toMatch(/Too many failed sign-ins/);
    }
    const { rows } = await pg.query(
      `SELECT status, count(*)::int AS n FROM gateway.audit_event
        WHERE resource_type = 'session' AND action = 'create' AND ip = $1 GROUP BY status ORDER BY status`,
      [from],
    );
    expect(rows).toEqual([
      { status: 401, n: 5 },
      { status: 429, n: 2 },
    ]);
    const stored = await pg.query(
      `SELECT count(*)::int AS n FROM gateway.audit_event WHERE resource_id LIKE $1`,
      [`%${email}%`],
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('counts the sign-in limit of a client across both replicas, and never limits refresh by it', async () => {
    const from = client();
    const session = (await a.call('POST', '/auth/login', from, ADMIN)).body;
    // A different unknown e-mail each time: the per-account lock stays out of it.
    const attempt = (gw: Gateway) =>
      gw.call('POST', '/auth/login', from, {
        email: `limit-${randomBytes(4).toString('hex')}@replicas.test`,
        password: 'wrong-password-wrong',
      });
    for (let i = 1; i < LOGIN_LIMIT; i++) expect((await attempt(i % 2 ? b : a)).status).toBe(401);
    for (const gw of [a, b]) {
      const limited = await attempt(gw);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.body.detail).toMatch(/^Too many requests from your address; try again in \d+ seconds?$/);
    }
    // The same client refreshes more often than the sign-in limit allows, on both replicas.
    let refreshToken = session.refreshToken!;
    for (let i = 0; i <= LOGIN_LIMIT; i++) {
      const r = await (i % 2 ? b : a).call('POST', '/auth/refresh', from, { refreshToken });
      expect(r.status).toBe(200);
      refreshToken = r.body.refreshToken!;
    }
  });
});
