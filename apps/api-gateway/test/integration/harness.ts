import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { validateEnv } from '@claimline/backend/util-config';
import { runMigrations } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  PrivateNatsServer,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
} from '@claimline/backend/util-testing';
import { createGateway } from '../../src/app.factory';
import { GatewayEnv } from '../../src/config/env';
import { gatewayDataSourceOptions } from '../../src/database/data-source';

/** The workspace root: apps run from their sources there. */
export const ROOT = resolve(__dirname, '../../../..');
export const JWT_SECRET = 'integration-test-secret-integration-test-secret';
/** The bootstrap admin's password in every gateway these tests start. */
export const ADMIN_PASSWORD = 'integration-password';

/** Signs in through the API and returns the access token; throws with the status and problem otherwise. */
export async function login(base: string, email: string, password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${text}`);
  return (JSON.parse(text) as { accessToken: string }).accessToken;
}

/** A fresh database with the gateway's tables (what a gateway process or the in-process one needs). */
export async function gatewayDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await runMigrations(gatewayDataSourceOptions(db.url));
  return db;
}

export interface InProcessGateway {
  app: INestApplication;
  base: string;
  /** The bootstrap admin's access token. */
  token: string;
  /** The gateway's own NATS server: no service of another test run can answer on it. */
  nats: PrivateNatsServer;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The gateway in the test's process, on a NATS server of its own where no service runs (so a
 * request that reaches a service is a 503), signed in as its bootstrap admin.
 */
export async function startGatewayInProcess(
  adminEmail: string,
  extra: Record<string, string> = {},
): Promise<InProcessGateway> {
  const nats = await PrivateNatsServer.start();
  const db = await gatewayDatabase();
  const env = validateEnv('api-gateway', GatewayEnv, {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    JWT_SECRET,
    RPC_SIGNING_KEY: generateAssertionKeys().privateKey,
    BOOTSTRAP_ADMIN_EMAIL: adminEmail,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    RPC_TIMEOUT_MS: '500',
    LOG_LEVEL: 'silent',
    ...extra,
  });
  const app = await createGateway(env);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    base,
    token: await login(base, adminEmail),
    nats,
    db,
    close: async () => {
      await app.close();
      await db.drop();
      await nats.dispose();
    },
  };
}

/**
 * The environment of an app run as a process on a test stack: the stack's database, private
 * prefixes on the test NATS server and the gateway's bootstrap admin; `extra` goes over it.
 * Only what is named here reaches the child (not the test's own environment).
 */
export function stackEnv(
  stack: { db: TestDatabase; events: ReturnType<typeof testEventsConfig>; adminEmail: string },
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
    DATABASE_URL: stack.db.url,
    NATS_URL: testNatsUrl(),
    EVENTS_SUBJECT_PREFIX: stack.events.subjectPrefix,
    EVENTS_STREAM_PREFIX: stack.events.streamPrefix,
    RPC_SUBJECT_PREFIX: stack.events.rpcPrefix,
    JWT_SECRET,
    BOOTSTRAP_ADMIN_EMAIL: stack.adminEmail,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HOST: '127.0.0.1',
    ...extra,
  };
}

export interface SourceProcessOptions {
  /** Node options (`--expose-gc`). */
  nodeArgs?: string[];
  /** Modules to preload after the TypeScript loader (so they may be TypeScript too). */
  preload?: string[];
  /** An IPC channel to the child (the memory probe answers on it). */
  ipc?: boolean;
}

/**
 * An app run from its TypeScript sources through `@swc-node/register`: no build of dist/ needed,
 * and the test sees the working tree. Everything it prints goes to `onOutput`.
 */
export function spawnFromSources(
  entry: string,
  env: NodeJS.ProcessEnv,
  onOutput: (chunk: string) => void,
  options: SourceProcessOptions = {},
): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '-r',
      '@swc-node/register',
      ...(options.preload ?? []).flatMap((module) => ['-r', module]),
      join(ROOT, entry),
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])] },
  );
  child.stdout!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  return child;
}

/** Ends a child with SIGTERM, and with SIGKILL if it has not exited 10 s later. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
