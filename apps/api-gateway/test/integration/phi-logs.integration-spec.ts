import { ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import {
  deleteTestStreams,
  freePort,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
} from '@claimline/backend/util-testing';
import { gatewayDatabase, login, spawnFromSources, stackEnv, stopProcess } from './harness';

const SERVICES = [
  'practice-settings',
  'client-insurance',
  'enrollments',
  'documents',
  'notifications',
  'claims',
  'messaging',
  'payments',
];

/** Letters only, so the markers pass name rules and survive upper-casing (member IDs). */
const tag = Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('');
const BIRTH_DATE = '1911-11-11';
const PHONE_DIGITS = '5125550199';
/** What must never be in a log line: the tag (in every name, id, e-mail, search and body), a birth date, a phone. */
const MARKERS = [tag, BIRTH_DATE, PHONE_DIGITS];
const marker = (what: string) => `Phi${what}${tag}`;

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

/**
 * The whole stack — the gateway and every service, each its own process from its sources, at
 * `debug` — fed PHI markers in every route's path, query and body (the routes come from the
 * gateway's OpenAPI document, so a new route is covered without editing this test), and then no
 * line any of them printed may contain a marker (issue #13, ADR 0015).
 */
describe('no PHI in any log line (gateway and services at debug)', () => {
  let db: TestDatabase;
  const events = testEventsConfig();
  const dir = mkdtempSync(join(tmpdir(), 'claimline-phi-logs-'));
  const bucket = `phi-logs-${randomBytes(4).toString('hex')}`;
  const children: { name: string; child: ChildProcess }[] = [];
  const lines: string[] = [];
  let base = '';
  let token = '';
  const ids: Record<string, string> = {};
  let requests = 0;

  function env(port: number): NodeJS.ProcessEnv {
    return stackEnv(
      { db, events, adminEmail: 'admin@phi-logs.test' },
      {
        LOG_LEVEL: 'debug',
        PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        DOCUMENTS_DIR: dir,
        DOCUMENTS_TRANSFER_BUCKET: bucket,
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
        RPC_TIMEOUT_MS: '10000',
        SMTP_URL: 'smtp://127.0.0.1:9',
        EMAIL_POLL_MS: '200',
        PORT: String(port),
      },
    );
  }

  function start(name: string, entry: string, vars: NodeJS.ProcessEnv): ChildProcess {
    let partial = '';
    const child = spawnFromSources(entry, vars, (chunk) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) lines.push(`[${name}] ${line}`);
    });
    child.once('exit', () => partial && lines.push(`[${name}] ${partial}`));
    children.push({ name, child });
    return child;
  }

  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const { name, child } of children)
        if (child.exitCode !== null && !name.endsWith('-migrate'))
          throw new Error(`${name} exited with ${child.exitCode}:\n${lines.slice(-40).join('\n')}`);
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline)
        throw new Error(`gave up waiting for ${what}:\n${lines.slice(-40).join('\n')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async function api(method: string, path: string, body?: unknown) {
    if (!path.startsWith('/health')) requests++; // probes are not logged
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  beforeAll(async () => {
    db = await gatewayDatabase();
    const port = await freePort();
    const vars = env(port);
    for (const service of SERVICES) {
      const migrate = start(`${service}-migrate`, `apps/${service}-service/src/migrate.ts`, vars);
      const code = await new Promise<number | null>((done) => migrate.once('exit', done));
      if (code !== 0) throw new Error(`${service} migrations failed:\n${lines.join('\n')}`);
    }
    // Each process signs as itself; every service trusts every other issuer of this test stack.
    const keys = new Map([...SERVICES, 'api-gateway'].map((issuer) => [issuer, generateAssertionKeys()]));
    const trusted = [...keys].map(([issuer, k]) => `${issuer}=${k.publicKey}`).join(',');
    const own = (issuer: string) => ({
      RPC_SIGNING_KEY: keys.get(issuer)!.privateKey,
      RPC_TRUSTED_KEYS: trusted,
    });
    for (const service of SERVICES)
      start(service, `apps/${service}-service/src/main.ts`, { ...vars, ...own(service) });
    start('gateway', 'apps/api-gateway/src/main.ts', { ...vars, ...own('api-gateway') });
    base = `http://127.0.0.1:${port}`;
    await until('every service is ready', async () => {
      const res = await fetch(`${base}/health/ready`);
      return res.status === 200;
    });
    token = await login(base, 'admin@phi-logs.test');
  }, 300_000);

  afterAll(async () => {
    await Promise.all(children.map(({ child }) => stopProcess(child)));
    const nc = await connect({ servers: testNatsUrl() });
    await nc
      .jetstream()
      .views.os(bucket)
      .then((os) => os.destroy())
      .catch(() => undefined);
    await deleteTestStreams(nc, events.streamPrefix).catch(() => undefined);
    await nc.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('records PHI through the API, then finds none of it in any log line', async () => {
    const address = { line1: `12 ${marker('street')} Rd`, city: 'Austin', state: 'TX', zip: '78701' };
    const practice = await api('POST', '/api/v1/practices', {
      type: 'solo',
      name: marker('Practice'),
      phone: PHONE_DIGITS,
      address,
    });
    expect(practice.status).toBe(201);
    ids['practiceId'] = practice.body['id'];
    const payers = await api('GET', `/api/v1/payers?search=aetna&phiProbe=${marker('probe')}`);
    expect(payers.status).toBe(422); // the unknown parameter is refused, and logged only as a name
    const payerId = (await api('GET', '/api/v1/payers?search=aetna')).body['items'][0].id;
    ids['payerId'] = payerId;
    const client = await api('POST', `/api/v1/practices/${ids['practiceId']}/clients`, {
      firstName: marker('First'),
      lastName: marker('Last'),
      birthDate: BIRTH_DATE,
      sex: 'F',
      phone: PHONE_DIGITS,
      email: `${tag}@example.com`,
      address,
      billingType: 'insurance',
    });
    expect(client.status).toBe(201);
    ids['clientId'] = client.body['id'];
    const policy = await api(
      'POST',
      `/api/v1/practices/${ids['practiceId']}/clients/${ids['clientId']}/policies`,
      {
        order: 'primary',
        payerId,
        memberId: `W${tag}`,
        relationship: 'spouse',
        subscriber: {
          firstName: marker('Sub'),
          lastName: marker('Last'),
          birthDate: BIRTH_DATE,
          sex: 'M',
          address,
        },
      },
    );
    expect(policy.status).toBe(201);
    ids['policyId'] = policy.body['id'];
    // the services hold it: a search by name finds the client
    const found = await api(
      'GET',
      `/api/v1/practices/${ids['practiceId']}/clients?search=${encodeURIComponent(marker('Last'))}`,
    );
    expect(found.body['items'].map((c: { id: string }) => c.id)).toEqual([ids['clientId']]);

    const openApi = (await (await fetch(`${base}/api/docs/openapi.json`)).json()) as OpenApi;
    const operations = Object.entries(openApi.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    // deletions last, so the other routes still find the records
    operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const routes = new Set<string>();
    for (const { path, method, op } of operations) {
      if (path.includes('/auth/logout')) continue; // would end this session (it is probed with a marker below)
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) if (p.in === 'query') query.set(p.name, marker(p.name));
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
      const schema = ref ? openApi.components.schemas[ref.split('/').pop()!] : undefined;
      const body =
        method === 'GET' || method === 'DELETE'
          ? undefined
          : Object.fromEntries(Object.keys(schema?.properties ?? { name: 1 }).map((k) => [k, marker(k)]));
      for (const real of [true, false]) {
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          real && ids[name] ? ids[name] : marker(name),
        );
        const res = await api(method, `${url}${query.size ? `?${query}` : ''}`, body);
        expect(res.status).toBeLessThan(500);
        routes.add(path);
      }
    }
    await api('POST', '/api/v1/auth/logout', { refreshToken: marker('token') });

    // what the relay and the consumers log comes after the requests
    await new Promise((r) => setTimeout(r, 3000));
    const leaks = lines.filter((line) => MARKERS.some((m) => line.toLowerCase().includes(m.toLowerCase())));
    expect(leaks).toEqual([]);

    // and the request log did log the requests: by route template, query values redacted
    const requestLines = lines
      .filter((l) => l.startsWith('[gateway] {'))
      .map((l) => JSON.parse(l.slice('[gateway] '.length)) as Record<string, any>)
      .filter((l) => l['res']?.statusCode);
    expect(requestLines.length).toBeGreaterThanOrEqual(requests);
    expect(requestLines.map((l) => l['route'])).toContain('/api/v1/practices/:practiceId/clients');
    expect(
      requestLines.find((l) => l['route'] === '/api/v1/practices/:practiceId/clients' && l['parameters']),
    ).toMatchObject({ parameters: { search: '[redacted]' } });
    // the services did log at debug (so a leak there would have been seen)
    for (const service of SERVICES) expect(lines.some((l) => l.startsWith(`[${service}] {`))).toBe(true);
  }, 600_000);
});
