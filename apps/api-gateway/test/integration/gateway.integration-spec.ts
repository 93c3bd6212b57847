import { INestApplication } from '@nestjs/common';
import { connect, NatsConnection } from 'nats';
import { validateEnv } from '@claimline/backend/util-config';
import { runMigrations } from '@claimline/backend/util-persistence';
import { createTestDatabase, PrivateNatsServer, TestDatabase } from '@claimline/backend/util-testing';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { createGateway } from '../../src/app.factory';
import { GatewayEnv } from '../../src/config/env';
import { gatewayDataSourceOptions } from '../../src/database/data-source';

/**
 * The gateway on real PostgreSQL and NATS with no practice-settings service running (503) and
 * with one that takes a request and never answers (504): neither is ever a 500.
 */
describe('gateway when a service is missing or silent', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let nc: NatsConnection;
  let token: string;
  let nats: PrivateNatsServer;

  beforeAll(async () => {
    // A NATS server of its own, so no service of another test run can answer.
    nats = await PrivateNatsServer.start();
    db = await createTestDatabase();
    await runMigrations(gatewayDataSourceOptions(db.url));
    const env = validateEnv('api-gateway', GatewayEnv, {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      JWT_SECRET: 'integration-test-secret-integration-test-secret',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@it.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'integration-password',
      RPC_TIMEOUT_MS: '500',
      LOG_LEVEL: 'silent',
      RPC_SIGNING_KEY: generateAssertionKeys().privateKey,
    });
    app = await createGateway(env);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    nc = await connect({ servers: nats.url });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@it.test', password: 'integration-password' }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
    await db?.drop();
    await nats?.dispose();
  });

  const getPractice = () =>
    fetch(`${base}/api/v1/practices/6f1d2c3b-0000-4000-8000-000000000001`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('answers 503 problem+json when no instance of the service is listening, and says so in readiness', async () => {
    const res = await getPractice();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'The practice-settings service is not available',
    );
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
  });

  it('answers 504 when the service takes the request and never replies', async () => {
    const silent = nc.subscribe('practice-settings.practice.get', { queue: 'practice-settings' });
    // The subscription must reach the server before the request does (else: no responders, 503).
    await nc.flush();
    try {
      const res = await getPractice();
      expect(res.status).toBe(504);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        'The practice-settings service did not answer in time',
      );
    } finally {
      silent.unsubscribe();
    }
  });
});
