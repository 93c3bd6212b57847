import { INestApplication } from '@nestjs/common';
import { validate } from '@readme/openapi-parser';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
interface Operation {
  responses: Record<string, { content?: unknown }>;
}
