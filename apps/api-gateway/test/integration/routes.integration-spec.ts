import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import Ajv from 'ajv';
import { connect } from 'nats';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { validateEnv } from '@claimline/backend/util-config';
import { runMigrations } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
} from '@claimline/backend/util-testing';
import { createGateway } from '../../src/app.factory';
import { GatewayEnv } from '../../src/config/env';
import { gatewayDataSourceOptions } from '../../src/database/data-source';

const ROOT = resolve(__dirname, '../../../..');

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * What a caller of the gateway sees of its route table: roles refused with 403 before any service
 * is asked, another practice answered 404 like a missing one, malformed ids 404, query rules 422,
 * and an audit row for the refusals as for the successes. The gateway runs in this process on
 * the real PostgreSQL and NATS with practice-settings (from its sources) behind it; the other
 * services are not started, so a request a role may make reaches NATS and answers 503 there.
 */
describe('the gateway routes, as callers see them', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let practiceSettings: ChildProcess;
  let base = '';
  const events = testEventsConfig();
  const output: string[] = [];
  const tokens: Record<'admin' | 'staff' | 'owner' | 'clinician', string> = {
    admin: '',
    staff: '',
    owner: '',
    clinician: '',
  };
  let practiceA = '';
  let practiceB = '';

  const call = async (
    who: keyof typeof tokens,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  const signIn = async (email: string, password: string): Promise<string> => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  const newUser = async (role: string, practiceId?: string): Promise<string> => {
    const email = `${role}-${randomBytes(3).toString('hex')}@routes.test`;
    const password = 'routes-integration-password';
    const created = await call('admin', 'POST', '/users', {
      email,
      displayName: `A ${role}`,
      password,
      role,
      ...(practiceId && { practiceId }),
    });
    expect([role, created.status]).toEqual([role, 201]);
    return signIn(email, password);
  };

  const address = { line1: '12 Main St', city: 'Austin', state: 'TX', zip: '78701' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await runMigrations(gatewayDataSourceOptions(db.url));
    const keys = { gateway: generateAssertionKeys(), ps: generateAssertionKeys() };
    const vars: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      NODE_ENV: 'production',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      DATABASE_URL: db.url,
      NATS_URL: testNatsUrl(),
      EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
      EVENTS_STREAM_PREFIX: events.streamPrefix,
      RPC_SUBJECT_PREFIX: events.rpcPrefix,
      LOG_LEVEL: 'warn',
      PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      RPC_SIGNING_KEY: keys.ps.privateKey,
      RPC_TRUSTED_KEYS: `api-gateway=${keys.gateway.publicKey}`,
    };
    const start = (entry: string) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
        cwd: ROOT,
        env: vars,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
      child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
      return child;
    };
    const migrate = start('apps/practice-settings-service/src/migrate.ts');
    const code = await new Promise<number | null>((done) => migrate.once('exit', done));
    if (code !== 0) throw new Error(`practice-settings migrations failed:\n${output.join('')}`);
    practiceSettings = start('apps/practice-settings-service/src/main.ts');

    const env = validateEnv('api-gateway', GatewayEnv, {
      DATABASE_URL: db.url,
      NATS_URL: testNatsUrl(),
      RPC_SUBJECT_PREFIX: events.rpcPrefix,
      JWT_SECRET: 'integration-test-secret-integration-test-secret',
      RPC_SIGNING_KEY: keys.gateway.privateKey,
      BOOTSTRAP_ADMIN_EMAIL: 'admin@routes.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'integration-password',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      RPC_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'silent',
    });
    app = await createGateway(env);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    tokens.admin = await signIn('admin@routes.test', 'integration-password');

    const practice = (name: string) => ({ type: 'solo', name, phone: '5125550100', address });
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (practiceSettings.exitCode !== null)
        throw new Error(`practice-settings exited:\n${output.join('')}`);
      const created = await call('admin', 'POST', '/practices', practice('Practice A'));
      if (created.status === 201) {
        practiceA = created.body['id'] as string;
        break;
      }
      if (created.status !== 503 || Date.now() > deadline)
        throw new Error(`practice-settings did not answer: ${JSON.stringify(created)}\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    practiceB = (await call('admin', 'POST', '/practices', practice('Practice B'))).body['id'] as string;
    tokens.staff = await newUser('billing_staff');
    tokens.owner = await newUser('practice_owner', practiceA);
    tokens.clinician = await newUser('clinician', practiceA);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (practiceSettings && practiceSettings.exitCode === null) {
      practiceSettings.kill('SIGTERM');
      await new Promise((done) => practiceSettings.once('exit', done));
    }
    const nc = await connect({ servers: testNatsUrl() });
    await deleteTestStreams(nc, events.streamPrefix).catch(() => undefined);
    await nc.close();
    await db?.drop();
  }, 60_000);

  const refused = (answer: Answer) => {
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ status: 403, title: expect.any(String) });
  };

  it('refuses a role a route does not list with 403, and lets the roles it lists through', async () => {
    const id = randomUUID();
    // [who, method, path, body]: refused, then the same route for a role it lists.
    const cases: [keyof typeof tokens, string, string, unknown?][][] = [
      [
        ['clinician', 'POST', `/practices/${practiceA}/locations`, { name: 'Office', address }],
        ['owner', 'POST', `/practices/${practiceA}/locations`, { name: 'Office', address }],
      ],
      [
        ['clinician', 'PATCH', `/practices/${practiceA}`, { version: 1, name: 'Renamed' }],
        ['owner', 'PATCH', `/practices/${practiceA}`, { version: 1, name: 'Renamed' }],
      ],
      [
        ['owner', 'POST', '/practices', { type: 'solo', name: 'Own', phone: '5125550100', address }],
        ['staff', 'POST', '/practices', { type: 'solo', name: 'Staff', phone: '5125550100', address }],
      ],
      [
        ['clinician', 'POST', '/payers', { name: 'Payer' }],
        ['staff', 'POST', '/payers', { name: 'Payer' }],
      ],
      [
        ['clinician', 'PATCH', `/enrollments/${id}`, { action: 'submit', version: 1 }],
        ['owner', 'PATCH', `/enrollments/${id}`, { action: 'submit', version: 1 }],
      ],
      // The preview is its own route (not an enrollment id): a clinician may list, not preview.
      [
        ['clinician', 'GET', `/practices/${practiceA}/enrollments/preview?payerId=${id}`],
        ['clinician', 'GET', `/practices/${practiceA}/enrollments`],
      ],
      [
        ['staff', 'GET', '/admin/emails'],
        ['admin', 'GET', '/admin/emails'],
      ],
      [
        ['owner', 'GET', '/users'],
        ['admin', 'GET', '/users'],
      ],
      [
        ['clinician', 'GET', '/audit-events'],
        ['admin', 'GET', '/audit-events'],
      ],
      // Payments: clinicians see no money.
      [
        ['clinician', 'GET', `/practices/${practiceA}/eras`],
        ['owner', 'GET', `/practices/${practiceA}/eras`],
      ],
      [
        ['clinician', 'GET', `/practices/${practiceA}/clients/${id}/ledger`],
        ['owner', 'GET', `/practices/${practiceA}/clients/${id}/ledger`],
      ],
      [
        [
          'clinician',
          'POST',
          `/practices/${practiceA}/unmatched-payments/${id}/resolve`,
          { action: 'unapplied' },
        ],
        [
          'owner',
          'POST',
          `/practices/${practiceA}/unmatched-payments/${id}/resolve`,
          { action: 'unapplied' },
        ],
      ],
    ];
    for (const [[who, method, path, body], [allowed, ...again]] of cases) {
      const no = await call(who, method, path, body);
      expect([who, method, path, no.status]).toEqual([who, method, path, 403]);
      refused(no);
      const yes = await call(allowed, again[0] as string, again[1] as string, again[2]);
      // Past the role check: answered, refused by a rule, or no service to ask (503), never 403.
      expect([allowed, again[0], again[1], yes.status === 403]).toEqual([allowed, again[0], again[1], false]);
    }
    // Every role may edit clients, policies and documents.
    for (const who of ['staff', 'owner', 'clinician'] as const)
      expect((await call(who, 'POST', `/practices/${practiceA}/clients`, {})).status).not.toBe(403);
  });

  it('answers 404 for another practice, one that does not exist and a malformed id', async () => {
    for (const path of [`/practices/${practiceB}`, `/practices/${practiceB}/locations`]) {
      const other = await call('owner', 'GET', path);
      expect([path, other.status]).toEqual([path, 404]);
      expect(other.body['detail']).toBe(`Practice ${practiceB} was not found`);
    }
    // An 835 upload for another practice is refused before a byte of it is read.
    const era = await fetch(`${base}/api/v1/practices/${practiceB}/eras?name=x.835`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': 'application/edi-x12' },
      body: 'ISA*00*',
    });
    expect(era.status).toBe(404);
    const nowhere = randomUUID();
    expect((await call('admin', 'GET', `/practices/${nowhere}/team-members`)).status).toBe(404);
    expect((await call('owner', 'GET', `/practices/${practiceA}/locations`)).status).toBe(200);
    for (const path of ['/practices/not-a-uuid/locations', '/practices/1234/billing-profile'])
      expect([path, (await call('admin', 'GET', path)).status]).toEqual([path, 404]);
  });

  it('reports each service in readiness: practice-settings up, the ones not started down', async () => {
    const res = await fetch(`${base}/health/ready`);
    expect(res.status).toBe(503);
    const { checks } = (await res.json()) as { checks: Record<string, { status: string }> };
    expect(Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, c.status]))).toEqual({
      nats: 'up',
      database: 'up',
      'practice-settings': 'up',
      'client-insurance': 'down',
      enrollments: 'down',
      notifications: 'down',
      documents: 'down',
      claims: 'down',
      messaging: 'down',
      payments: 'down',
    });
  });

  it("answers in the shapes the OpenAPI document publishes for practice-settings' views", async () => {
    const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
      components: unknown;
    };
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ components: doc.components }, 'openapi');
    const sample: [keyof typeof tokens, string, string, string, unknown?][] = [
      ['owner', 'GET', `/practices/${practiceA}`, '/api/v1/practices/{practiceId}'],
      ['admin', 'GET', '/practices?limit=5', '/api/v1/practices'],
      [
        'owner',
        'POST',
        `/practices/${practiceA}/locations`,
        '/api/v1/practices/{practiceId}/locations',
        { name: 'Annex', address, phone: null },
      ],
      ['owner', 'GET', `/practices/${practiceA}/locations`, '/api/v1/practices/{practiceId}/locations'],
      ['owner', 'GET', `/practices/${practiceA}/team-members`, '/api/v1/practices/{practiceId}/team-members'],
      ['owner', 'GET', `/practices/${practiceA}/readiness`, '/api/v1/practices/{practiceId}/readiness'],
    ];
    for (const [who, method, path, template, body] of sample) {
      const answer = await call(who, method, path, body);
      expect([path, answer.status]).toEqual([path, method === 'POST' ? 201 : 200]);
      const op = doc.paths[template][method.toLowerCase()];
      const status = Object.keys(op.responses).find((s) => s.startsWith('2')) as string;
      const schema = JSON.parse(
        JSON.stringify(op.responses[status].content?.['application/json'].schema).replaceAll(
          '"#/components/',
          '"openapi#/components/',
        ),
      ) as object;
      const valid = ajv.validate(schema, answer.body);
      expect([method, template, valid ? [] : ajv.errors]).toEqual([method, template, []]);
    }
  });

  it('validates query strings at the gateway and names each refused field', async () => {
    const bad = await call('admin', 'GET', '/admin/emails?status=bounced&limit=0&extra=1');
    expect(bad.status).toBe(422);
    const fields = (bad.body['errors'] as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['extra', 'limit', 'status']);
  });

  it('audits every route under a practice, whatever it answers, naming the record of the path', async () => {
    const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const sent: { requestId: string; route: string; recordId?: string }[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      if (!template.startsWith('/api/v1/practices/{practiceId}')) continue;
      for (const method of Object.keys(item)) {
        const ids = new Map<string, string>();
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          if (name === 'practiceId') return practiceA;
          if (!ids.has(name)) ids.set(name, randomUUID());
          return ids.get(name) as string;
        });
        const requestId = randomUUID();
        const res = await fetch(`${base}${path}`, {
          method: method.toUpperCase(),
          headers: {
            authorization: `Bearer ${tokens.admin}`,
            'x-request-id': requestId,
            ...(method !== 'get' && { 'content-type': 'application/json' }),
          },
          ...(method !== 'get' && method !== 'delete' && { body: '{}' }),
        });
        await res.arrayBuffer();
        // The record a read, change or removal names is the last id of its path.
        const last = /\{(\w+Id)\}(?:\/(?:missing-info|content|eligibility|payer-status))?$/.exec(
          template,
        )?.[1];
        const recordId = method !== 'post' && last && last !== 'practiceId' ? ids.get(last) : undefined;
        sent.push({ requestId, route: `${method.toUpperCase()} ${template}`, recordId });
      }
    }
    expect(sent.length).toBeGreaterThan(25);
    const audit = await call('admin', 'GET', `/audit-events?practiceId=${practiceA}&limit=200`);
    const rows = audit.body['items'] as { requestId: string; resourceId: string | null }[];
    for (const { requestId, route, recordId } of sent) {
      const row = rows.find((r) => r.requestId === requestId);
      expect([route, row !== undefined]).toEqual([route, true]);
      if (recordId) expect([route, row?.resourceId]).toEqual([route, recordId]);
    }
  });

  it('audits refusals and successes alike, naming the practice', async () => {
    const practiceId = practiceA;
    const refusal = await call('clinician', 'POST', `/practices/${practiceId}/locations`, {
      name: 'Back office',
      address,
    });
    refused(refusal);
    const done = await call('owner', 'POST', `/practices/${practiceId}/locations`, {
      name: 'Back office',
      address,
    });
    expect(done.status).toBe(201);
    const read = await call(
      'owner',
      'GET',
      `/practices/${practiceId}/locations/${done.body['id'] as string}`,
    );
    expect(read.status).toBe(200);
    const audit = await call(
      'admin',
      'GET',
      `/audit-events?practiceId=${practiceId}&resourceType=location&limit=200`,
    );
    expect(audit.status).toBe(200);
    const rows = audit.body['items'] as {
      action: string;
      role: string;
      status: number;
      resourceId: string;
    }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', role: 'clinician', status: 403 }),
        expect.objectContaining({ action: 'create', role: 'practice_owner', status: 201 }),
        expect.objectContaining({
          action: 'read',
          role: 'practice_owner',
          status: 200,
          resourceId: done.body['id'],
        }),
      ]),
    );
  });
});
