import { INestApplication } from '@nestjs/common';
import { validate } from '@readme/openapi-parser';
import Ajv from 'ajv';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { validateEnv } from '@claimline/backend/util-config';
import { runMigrations } from '@claimline/backend/util-persistence';
import { createTestDatabase, PrivateNatsServer, TestDatabase } from '@claimline/backend/util-testing';
import { createGateway } from '../../src/app.factory';
import { GatewayEnv } from '../../src/config/env';
import { gatewayDataSourceOptions } from '../../src/database/data-source';

describe('the OpenAPI document', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let nats: PrivateNatsServer;
  let served: Doc;

  beforeAll(async () => {
    nats = await PrivateNatsServer.start();
    db = await createTestDatabase();
    await runMigrations(gatewayDataSourceOptions(db.url));
    const env = validateEnv('api-gateway', GatewayEnv, {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      JWT_SECRET: 'integration-test-secret-integration-test-secret',
      RPC_SIGNING_KEY: generateAssertionKeys().privateKey,
      BOOTSTRAP_ADMIN_EMAIL: 'admin@openapi.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'integration-password',
      LOG_LEVEL: 'silent',
    });
    app = await createGateway(env);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    // Read once: validating takes seconds, long enough for the server to close the idle
    // keep-alive connection that a later fetch would reuse.
    served = await (await fetch(`${base}/api/docs-json`)).json();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await nats?.dispose();
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    return (await res.json()) as Doc;
  };

  // First: the slow validation below would leave the keep-alive connection idle long enough for
  // the server to close it under the next fetch.
  it('describes what the running gateway answers: real responses validate against their schemas', async () => {
    const doc = served;
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ components: doc.components }, 'openapi');
    // OpenAPI 3.0 refs point into the document; Ajv resolves them against the schema id above.
    const schemaOf = (path: string, method: string) => {
      const op = doc.paths[path][method] as Operation;
      const status = Object.keys(op.responses).find((s) => s.startsWith('2')) as string;
      const schema = (op.responses[status].content as Record<string, { schema: unknown }>)['application/json']
        .schema;
      return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
    };
    const call = async (method: string, path: string, template: string, token?: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: method.toUpperCase(),
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer: unknown = await res.json();
      expect([path, res.status]).toEqual([path, method === 'post' && !path.includes('/auth/') ? 201 : 200]);
      const valid = ajv.validate(schemaOf(template, method), answer);
      expect([method, template, valid ? [] : ajv.errors]).toEqual([method, template, []]);
      return answer as Record<string, unknown>;
    };
    const login = await call('post', '/api/v1/auth/login', '/api/v1/auth/login', undefined, {
      email: 'admin@openapi.test',
      password: 'integration-password',
    });
    const token = login['accessToken'] as string;
    await call('get', '/api/v1/auth/me', '/api/v1/auth/me', token);
    const user = await call('post', '/api/v1/users', '/api/v1/users', token, {
      email: 'staff@openapi.test',
      displayName: 'Staff Member',
      password: 'a-long-enough-password',
      role: 'billing_staff',
    });
    await call('get', '/api/v1/users?limit=5', '/api/v1/users', token);
    await call('patch', `/api/v1/users/${user['id']}`, '/api/v1/users/{userId}', token, {
      displayName: 'Staff Member Two',
    });
    await call('get', '/api/v1/audit-events?limit=5', '/api/v1/audit-events', token);
    await call('get', '/api/v1/reference/taxonomy?search=social', '/api/v1/reference/taxonomy', token);
    await call('get', '/api/v1/reference/taxonomy/1041C0700X', '/api/v1/reference/taxonomy/{code}', token);
    await call('get', '/api/v1/reference/places-of-service', '/api/v1/reference/places-of-service', token);
    await call('get', '/health/live', '/health/live');
    // The check can fail: a body missing a required field is refused.
    expect(ajv.validate(schemaOf('/api/v1/users/{userId}', 'patch'), { ...user, email: undefined })).toBe(
      false,
    );
  });

  it('is served at /api/docs-json and /api/docs/openapi.json, and is valid OpenAPI', async () => {
    const doc = await get('/api/docs-json');
    expect(doc).toEqual(served);
    expect(await get('/api/docs/openapi.json')).toEqual(doc);
    const result = await validate(structuredClone(doc) as never);
    expect('errors' in result ? result.errors : []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every property with a real schema and publishes no configuration class', async () => {
    const doc = served;
    const text = JSON.stringify(doc);
    expect(text).not.toContain('#/components/schemas/Object"');
    expect(Object.keys(doc.components.schemas)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Env$/)]),
    );
    const team = doc.components.schemas.CreateTeamMemberBody as { properties: Record<string, unknown> };
    expect(team.properties.npi).toEqual({ type: 'string', nullable: true });
    expect(team.properties.firstName).not.toHaveProperty('nullable');
    const billing = doc.components.schemas.PutBillingProfileBody as { properties: Record<string, unknown> };
    expect(billing.properties.billingAddress).toEqual({
      nullable: true,
      allOf: [{ $ref: '#/components/schemas/BillingAddressDto' }],
    });
    const practice = doc.components.schemas.CreatePracticeDto as { properties: Record<string, unknown> };
    expect(practice.properties.address).toEqual({ $ref: '#/components/schemas/AddressDto' });
    expect(doc.components.schemas.BillingAddressDto).toBeDefined();
    expect(doc.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
  });

  it('gives every operation a success schema and problem+json errors, and lists query classes', async () => {
    const doc = served;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
        expect([method, path, success.length]).toEqual([method, path, 1]);
        const [status, response] = success[0];
        if (status !== '204')
          expect([method, path, response.content]).toEqual([method, path, expect.any(Object)]);
        const json = (response.content as Record<string, { schema: unknown }> | undefined)?.[
          'application/json'
        ];
        // Every JSON body is described: a component, or an inline shape with properties or items.
        if (json) expect([method, path, describes(doc, json.schema)]).toEqual([method, path, true]);
        expect(op.responses['422'].content).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
    expect(doc.paths['/api/v1/practices/{practiceId}'].get.parameters).toEqual([
      { name: 'practiceId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
    const list = doc.paths['/api/v1/practices'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(['search', 'type', 'readiness', 'limit', 'offset']));
  });
});

/** A schema that says something: a component that exists and does, or properties, items or a union. */
function describes(doc: Doc, schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const s = schema as Record<string, unknown>;
  if (typeof s['$ref'] === 'string') {
    const name = (s['$ref'] as string).replace('#/components/schemas/', '');
    return describes(doc, doc.components.schemas[name]);
  }
  if (Array.isArray(s['allOf']) || Array.isArray(s['oneOf'])) return true;
  if (s['type'] === 'array') return describes(doc, s['items']);
  if (s['type'] !== 'object') return typeof s['type'] === 'string';
  return Object.keys((s['properties'] as object | undefined) ?? {}).length > 0 || !!s['additionalProperties'];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
interface Operation {
  responses: Record<string, { content?: unknown }>;
}
