// @ts-check
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPS, SERVICES } from './apps.mjs';
import { stackPrefixesOf } from './infra.mjs';
import { localSecrets, RPC_ISSUERS } from './secrets.mjs';
import { appEnv, metricsLines, RPC_TRUSTS, stackEnv, withMetricsPort } from './stack.mjs';

describe('the environment of a stack and of each app', () => {
  /** @type {string} */
  let root;
  /** @type {import('./secrets.mjs').LocalSecrets} */
  let secrets;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'claimline-stack-'));
    secrets = localSecrets(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const base = () =>
    stackEnv({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/claimline_e2e_ab12',
      natsUrl: 'nats://127.0.0.1:4223',
      secrets,
      port: 3100,
      root,
      smtpUrl: 'smtp://127.0.0.1:2525',
    });

  it('shares the infrastructure, the secrets and the port with every app', () => {
    const env = base();
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/claimline_e2e_ab12',
      NATS_URL: 'nats://127.0.0.1:4223',
      LOG_LEVEL: 'info',
      JWT_SECRET: secrets.JWT_SECRET,
      BOOTSTRAP_ADMIN_PASSWORD: secrets.adminPassword,
      PORT: '3100',
      CORS_ORIGINS: 'http://localhost:3100,http://127.0.0.1:3100',
      CONSOLE_DIST: join(root, 'dist/apps/admin-console/browser'),
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });
    // Without a stack of its own, the default prefixes.
    expect(env.RPC_SUBJECT_PREFIX).toBeUndefined();
    expect(stackPrefixesOf(env)).toEqual({
      rpcPrefix: '',
      subjectPrefix: 'events',
      streamPrefix: 'CLAIMLINE',
      transferBucket: 'claimline-document-transfer',
    });
  });

  it('gives a test run’s stack its own prefixes', () => {
    const events = { subjectPrefix: 'e2eab12.events', streamPrefix: 'E2EAB12', rpcPrefix: 'e2eab12.rpc.' };
    const env = stackEnv({
      ...{ databaseUrl: 'x', natsUrl: 'y', secrets, port: 1, root },
      events,
      logLevel: 'warn',
    });
    expect(env.LOG_LEVEL).toBe('warn');
    expect(stackPrefixesOf(env)).toEqual({ ...events, transferBucket: 'claimline-document-transfer' });
    const withBucket = stackEnv({
      ...{ databaseUrl: 'x', natsUrl: 'y', secrets, port: 1, root },
      events: { ...events, transferBucket: 'e2e-ab12-documents' },
    });
    expect(withBucket.DOCUMENTS_TRANSFER_BUCKET).toBe('e2e-ab12-documents');
  });

  it('gives each app its own signing key and the public keys of whom it trusts, nothing else', () => {
    const env = {
      ...base(),
      API_GATEWAY_NATS_NKEY_SEED: 'SUAGATEWAY',
      CLAIMLINE_NATS_OPERATOR_SEED: 'SUAOPERATOR',
    };
    const documents = appEnv('documents-service', env);
    expect(documents.RPC_SIGNING_KEY).toBe(secrets.rpcKeys['documents'].privateKey);
    expect(documents.RPC_TRUSTED_KEYS).toBe(
      `api-gateway=${secrets.rpcKeys['api-gateway'].publicKey},enrollments=${secrets.rpcKeys['enrollments'].publicKey}`,
    );
    expect(documents.CLAIMLINE_LOCAL_RPC_KEYS).toBeUndefined();
    expect(documents.API_GATEWAY_NATS_NKEY_SEED).toBeUndefined();
    expect(documents.CLAIMLINE_NATS_OPERATOR_SEED).toBeUndefined();
    const gateway = appEnv('api-gateway', env);
    expect(gateway.RPC_SIGNING_KEY).toBe(secrets.rpcKeys['api-gateway'].privateKey);
    expect(gateway.RPC_TRUSTED_KEYS).toBeUndefined();
    const enrollmentsKey = secrets.rpcKeys['enrollments'].privateKey;
    for (const app of APPS.filter((a) => a !== 'enrollments-service'))
      expect(Object.values(appEnv(app, env))).not.toContain(enrollmentsKey);
    expect(appEnv('enrollments-service', env).RPC_SIGNING_KEY).toBe(enrollmentsKey);
  });

  it('names only issuers that have keys, and every service is one', () => {
    for (const [service, issuers] of Object.entries(RPC_TRUSTS)) {
      expect(RPC_ISSUERS).toContain(service);
      for (const issuer of issuers) expect(RPC_ISSUERS).toContain(issuer);
    }
    for (const app of SERVICES) expect(RPC_ISSUERS).toContain(app.replace(/-service$/, ''));
  });

  it('gives an app a metrics port of its own on loopback, and lists where each app’s metrics are', () => {
    const env = withMetricsPort(appEnv('claims-service', base()), 45_123);
    expect(env).toMatchObject({ METRICS_PORT: '45123', METRICS_HOST: '127.0.0.1' });
    expect(env.RPC_SIGNING_KEY).toBe(secrets.rpcKeys['claims'].privateKey);
    expect(
      metricsLines({
        'claims-service': 'http://127.0.0.1:45123/metrics',
        'api-gateway': 'http://127.0.0.1:45124/metrics',
      }),
    ).toBe(
      [
        '    claims-service  http://127.0.0.1:45123/metrics',
        '    api-gateway     http://127.0.0.1:45124/metrics',
      ].join('\n'),
    );
  });
});
