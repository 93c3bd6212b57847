#!/usr/bin/env node
// A private stack for the claims end-to-end spec and the claims benchmark: its own nats-server, a
// fresh database on the local PostgreSQL, the built apps a claim needs (practice-settings,
// client-insurance, enrollments, claims, the gateway), the demo seed. With `-- <command>` it runs
// the command with API_URL, the E2E_* logins and the NATS/RPC settings of the stack, then stops
// everything; without, it prints them and runs until Ctrl-C. Each app gets its own signing key
// and trusted keys (appEnv), as under npm start.
//
//   node tools/bench/claims/stack.mjs -- npx jest -c apps/api-e2e/jest.config.cts apps/api-e2e/src/claims.e2e-spec.ts
//   node tools/bench/claims/stack.mjs --no-build -- node -r @swc-node/register tools/bench/claims/create.bench.ts
//   node tools/bench/claims/stack.mjs --services practice-settings-service -- …   (only those services
//     and the gateway: tools/bench/practice-settings/stack.mjs is this)
//   node tools/bench/claims/stack.mjs --profile claims-service -- …   (a V8 CPU profile of that app,
//     written to .data/profiles/ when the stack stops: open it in Chrome DevTools or speedscope)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const log = (msg) => console.log(`\x1b[1m[claims stack]\x1b[0m ${msg}`);
const { ensureDatabase, dropDatabase, ensurePostgres, databaseUrl } =
  await import('../../scripts/lib/infra.mjs');
const { findFreePort, installSignalHandlers, run, startProcess, stopAll, waitForHttp, waitForPort } =
  await import('../../scripts/lib/procs.mjs');
const { appEnv, nx, stackEnv } = await import('../../scripts/lib/stack.mjs');
const { DEMO, localSecrets } = await import('../../scripts/lib/secrets.mjs');
const { seedDemo } = await import('../../scripts/lib/seed.mjs');

const dash = process.argv.indexOf('--');
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && (dash < 0 || i < dash) ? process.argv[i + 1] : undefined;
};
/** The services a claim needs, or (`--services a,b`) those another bench or spec needs. */
const SERVICES = option('--services')?.split(',').filter(Boolean) ?? [
  'practice-settings-service',
  'client-insurance-service',
  'enrollments-service',
  'claims-service',
];
const APPS = [...SERVICES, 'api-gateway'];
const profiled = new Set((option('--profile') ?? '').split(',').filter(Boolean));
const profileDir = join(root, '.data/profiles');
/** Where the built apps are (`--dist <dir>`: e.g. a copy built from another commit, to compare). */
const dist = option('--dist') ?? join(root, 'dist/apps');
const command = dash >= 0 ? process.argv.slice(dash + 1) : [];
const id = randomBytes(4).toString('hex');
const dbName = `claimline_claims_${id}`;
const store = mkdtempSync(join(tmpdir(), 'claimline-claims-nats-'));
let pg;
let nats;

const cleanup = async () => {
  await stopAll();
  if (pg) await dropDatabase(pg.url, dbName).catch(() => undefined);
  if (nats && nats.exitCode === null) {
    await new Promise((resolve) => {
      nats.once('exit', resolve);
      nats.kill('SIGTERM');
    });
  }
  rmSync(store, { recursive: true, force: true });
  await pg?.stop();
};
const shutdown = installSignalHandlers(cleanup);

try {
  pg = await ensurePostgres({ root, log });
  const natsPort = await findFreePort();
  nats = spawn('nats-server', ['-js', '-sd', store, '-a', '127.0.0.1', '-p', String(natsPort)], {
    stdio: 'ignore',
    env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/usr/local/sbin` },
  });
  await waitForPort('127.0.0.1', natsPort, 10_000);
  await ensureDatabase(pg.url, dbName);
  if (!process.argv.includes('--no-build') && !option('--dist')) {
    log('building the apps…');
    await nx(root, ['run-many', '-t', 'build', '-p', APPS.join(','), '--output-style=stream']);
  }
  const secrets = localSecrets(root);
  const port = await findFreePort();
  const env = stackEnv({
    databaseUrl: databaseUrl(pg.url, dbName),
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    secrets,
    port,
    root,
    logLevel: 'warn',
    events: { subjectPrefix: `cl${id}.events`, streamPrefix: `CL${id.toUpperCase()}`, rpcPrefix: '' },
  });
  for (const app of APPS)
    await run(process.execPath, [join(dist, app, 'migrate.js')], {
      env: appEnv(app, env),
      cwd: root,
      name: app,
    });
  for (const app of SERVICES)
    startProcess({
      name: app.replace(/-service$/, ''),
      command: process.execPath,
      args: [
        ...(profiled.has(app) ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
        join(dist, app, 'main.js'),
      ],
      env: appEnv(app, env),
      cwd: root,
    });
  const gateway = startProcess({
    name: 'gateway',
    command: process.execPath,
    args: [
      ...(profiled.has('api-gateway') ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      join(dist, 'api-gateway/main.js'),
    ],
    env: appEnv('api-gateway', env),
    cwd: root,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health/live`, { timeoutMs: 300_000, proc: gateway });
  for (let attempt = 0; ; attempt++) {
    try {
      await seedDemo(base, secrets);
      break;
    } catch (error) {
      if (attempt > 120) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const testEnv = {
    API_URL: base,
    E2E_ADMIN_EMAIL: DEMO.admin,
    E2E_ADMIN_PASSWORD: secrets.adminPassword,
    E2E_STAFF_EMAIL: DEMO.staff,
    E2E_STAFF_PASSWORD: secrets.staffPassword,
    E2E_OWNER_EMAIL: DEMO.owner,
    E2E_OWNER_PASSWORD: secrets.ownerPassword,
    E2E_JWT_SECRET: secrets.JWT_SECRET,
    DATABASE_URL: env.DATABASE_URL,
    NATS_URL: env.NATS_URL,
    // For the benches' CPU accounting (cpu.ts): the stack's apps are the processes running from here.
    CLAIMS_STACK_DIST: dist,
  };
  if (command.length === 0) {
    log(`running at ${base}; Ctrl-C stops it. For tests and the bench:`);
    for (const [k, v] of Object.entries(testEnv)) console.log(`export ${k}='${v}'`);
  } else {
    log(`running: ${command.join(' ')}`);
    const code = await new Promise((resolve) => {
      const child = spawn(command[0], command.slice(1), {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', ...testEnv },
      });
      child.on('exit', (c) => resolve(c ?? 1));
    });
    await shutdown(code);
  }
} catch (error) {
  console.error(`[claims stack] ${error.stack ?? error.message}`);
  await shutdown(1);
}
