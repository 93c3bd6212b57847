// @ts-check
// Brings the whole system up on given infrastructure: build, migrate, start every app as its
// own process (prefixed logs), wait for the gateway to be ready. Used by npm start and npm test.
import { join } from 'node:path';
import { APPS, BUILT, GATEWAY, SERVICES } from './apps.mjs';
import { provisionStackAccess } from './infra.mjs';
import { findFreePort, run, startProcess, waitForHttp } from './procs.mjs';
import { DEMO } from './secrets.mjs';

/**
 * Runs the workspace's nx (never Nx Cloud, no daemon).
 * @param {string} root
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [extraEnv]
 */
export function nx(root, args, extraEnv = {}) {
  return run(join(root, 'node_modules/.bin/nx'), args, {
    cwd: root,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', ...extraEnv },
  });
}

/** @param {string} root */
export async function buildApps(root) {
  await nx(root, ['run-many', '-t', 'build', '-p', BUILT.join(','), '--output-style=stream']);
}

/**
 * Environment shared by every app of one stack.
 * @param {{
 *   databaseUrl: string,
 *   natsUrl: string,
 *   secrets: import('./secrets.mjs').LocalSecrets,
 *   port: number,
 *   root: string,
 *   events?: { subjectPrefix: string, streamPrefix: string, rpcPrefix: string, transferBucket?: string },
 *   smtpUrl?: string,
 *   logLevel?: string,
 *   clearinghouse?: { accountsFile: string, archiveDir: string },
 * }} options without `events`, the default prefixes (DEFAULT_STACK); `clearinghouse`: the accounts
 *   file every app reads (claims-service sends and reads acknowledgements, payments-service the 835s)
 *   and where the files sent and received are archived, encrypted
 * @returns {NodeJS.ProcessEnv}
 */
export function stackEnv({
  databaseUrl,
  natsUrl,
  secrets,
  port,
  events,
  smtpUrl,
  logLevel = 'info',
  root,
  clearinghouse,
}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    LOG_LEVEL: logLevel,
    JWT_SECRET: secrets.JWT_SECRET,
    PHI_ENCRYPTION_KEY: secrets.PHI_ENCRYPTION_KEY,
    BOOTSTRAP_ADMIN_EMAIL: DEMO.admin,
    BOOTSTRAP_ADMIN_PASSWORD: secrets.adminPassword,
    PORT: String(port),
    CORS_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port}`,
    CONSOLE_DIST: join(root, 'dist/apps/admin-console/browser'),
    CONSOLE_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Claimline <no-reply@claimline.local>',
    ...(clearinghouse && {
      CLEARINGHOUSE_ACCOUNTS_FILE: clearinghouse.accountsFile,
      CLEARINGHOUSE_ARCHIVE_DIR: clearinghouse.archiveDir,
    }),
    // Every app's assertion key pair, for appEnv to hand out; never passed to an app as is.
    [RPC_KEYS]: JSON.stringify(secrets.rpcKeys),
    ...(events && {
      EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
      EVENTS_STREAM_PREFIX: events.streamPrefix,
      RPC_SUBJECT_PREFIX: events.rpcPrefix,
      ...(events.transferBucket && { DOCUMENTS_TRANSFER_BUCKET: events.transferBucket }),
    }),
  };
}

/**
 * Each stack environment's per-app credentials (provisionStackAccess), kept out of the shared env.
 * @type {WeakMap<NodeJS.ProcessEnv, Record<string, NodeJS.ProcessEnv>>}
 */
const stackAccess = new WeakMap();

const RPC_KEYS = 'CLAIMLINE_LOCAL_RPC_KEYS';

/**
 * Whose signed caller assertions each service accepts: the gateway (users) and the services that
 * call it as themselves (see docs/adr/0011-signed-caller-assertions.md).
 * @type {Record<string, string[]>}
 */
export const RPC_TRUSTS = {
  'practice-settings': [
    'api-gateway',
    'enrollments',
    'client-insurance',
    'documents',
    'notifications',
    'claims',
    'payments',
  ],
  'client-insurance': ['api-gateway', 'enrollments', 'claims'],
  enrollments: ['api-gateway', 'claims'],
  notifications: ['api-gateway'],
  documents: ['api-gateway', 'enrollments'],
  claims: ['api-gateway', 'payments'],
  messaging: ['api-gateway'],
  payments: ['api-gateway'],
};

/**
 * The environment of one app: the stack's, plus what belongs to that app alone (its credentials).
 * @param {string} app
 * @param {NodeJS.ProcessEnv} env a stackEnv()
 * @returns {NodeJS.ProcessEnv}
 */
export function appEnv(app, env) {
  const { [RPC_KEYS]: bundle, ...own } = env;
  // An operator's per-app NATS seeds (<APP>_NATS_NKEY_SEED) reach only their app, as NATS_NKEY_SEED.
  for (const key of Object.keys(own))
    if (/_NATS_NKEY_SEED$|^CLAIMLINE_NATS_OPERATOR_SEED$/.test(key)) delete own[key];
  if (bundle) {
    /** @type {Record<string, import('./secrets.mjs').RpcKeyPair>} */
    const keys = JSON.parse(bundle);
    const issuer = app.replace(/-service$/, '');
    own.RPC_SIGNING_KEY = keys[issuer].privateKey;
    if (RPC_TRUSTS[issuer])
      own.RPC_TRUSTED_KEYS = RPC_TRUSTS[issuer].map((i) => `${i}=${keys[i].publicKey}`).join(',');
  }
  return { ...own, ...stackAccess.get(env)?.[app] };
}

/**
 * Gives the stack its NATS permissions and database roles (ADR 0012), then runs every app's migrations as that app.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env a stackEnv()
 */
export async function migrate(root, env) {
  stackAccess.set(env, await provisionStackAccess({ root, env }));
  for (const app of APPS) {
    await run(process.execPath, [join(root, 'dist/apps', app, 'migrate.js')], {
      env: appEnv(app, env),
      cwd: root,
      name: app,
    });
  }
}

/**
 * An app's environment with its own Prometheus endpoint (util-metrics): each app of a stack gets a
 * port of its own, on loopback.
 * @param {NodeJS.ProcessEnv} env an appEnv()
 * @param {number} port
 * @returns {NodeJS.ProcessEnv}
 */
export function withMetricsPort(env, port) {
  return { ...env, METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' };
}

/**
 * Where each app's metrics are, one line per app, for the start banner.
 * @param {Record<string, string>} metrics app → URL
 * @returns {string}
 */
export function metricsLines(metrics) {
  const width = Math.max(0, ...Object.keys(metrics).map((app) => app.length));
  return Object.entries(metrics)
    .map(([app, url]) => `    ${app.padEnd(width)}  ${url}`)
    .join('\n');
}

/**
 * Starts every app, each with a free metrics port; resolves when the gateway reports every service ready.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env a stackEnv() that migrate() has seen
 * @returns {Promise<{ base: string, procs: import('./procs.mjs').ProcessHandle[], metrics: Record<string, string> }>}
 */
export async function startApps(root, env) {
  const procs = [];
  /** @type {Record<string, string>} */
  const metrics = {};
  /** @param {string} app */
  const envOf = async (app) => {
    const port = await findFreePort();
    metrics[app] = `http://127.0.0.1:${port}/metrics`;
    return withMetricsPort(appEnv(app, env), port);
  };
  for (const app of SERVICES) {
    procs.push(
      startProcess({
        name: app.replace(/-service$/, ''),
        command: process.execPath,
        args: [join(root, 'dist/apps', app, 'main.js')],
        env: await envOf(app),
        cwd: root,
      }),
    );
  }
  const gateway = startProcess({
    name: 'gateway',
    command: process.execPath,
    args: [join(root, 'dist/apps', GATEWAY, 'main.js')],
    env: await envOf(GATEWAY),
    cwd: root,
  });
  procs.push(gateway);
  const base = `http://127.0.0.1:${env.PORT}`;
  // CLAIMLINE_READY_TIMEOUT_MS: a machine loaded by other jobs may need longer than 90 s.
  const timeoutMs = Number(process.env.CLAIMLINE_READY_TIMEOUT_MS ?? 90_000);
  await waitForHttp(`${base}/health/ready`, { timeoutMs, proc: gateway });
  return { base, procs, metrics };
}
