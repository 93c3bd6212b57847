#!/usr/bin/env node
// @ts-check
// npm test: the same infrastructure steps as npm start (reusing what runs), then lint, type
// check, unit tests, integration tests (real PostgreSQL + NATS), end-to-end tests against a
// freshly started stack on its own database and event streams; a summary at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureChromium, ensureDependencies } from './lib/deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

// For working on end-to-end tests: `node tools/scripts/test.mjs --only e2e|api|browser [--spec <pattern>]`
// builds, starts the stack and runs only those end-to-end tests (specs whose path matches the
// pattern). `npm test` passes no options: everything runs.
const { values: options } = parseArgs({
  options: { only: { type: 'string' }, spec: { type: 'string' } },
});
if (options.only && !['e2e', 'api', 'browser'].includes(options.only)) {
  console.error('--only takes e2e, api or browser');
  process.exit(2);
}
const checks = !options.only;
const runApi = !options.only || options.only !== 'browser';
const runBrowser = !options.only || options.only !== 'api';
const specArgs = options.spec ? [`--testPathPatterns=${options.spec}`] : [];
/** @param {string} msg */
const log = (msg) => console.log(`\x1b[1m[claimline test]\x1b[0m ${msg}`);
const started = Date.now();

await ensureDependencies({ root, log });
const { ensureDatabase, dropDatabase, ensureNats, ensurePostgres, databaseUrl, startOpenNats } =
  await import('./lib/infra.mjs');
const { findFreePort, installSignalHandlers, stopAll } = await import('./lib/procs.mjs');
const { migrate, stackEnv, startApps } = await import('./lib/stack.mjs');
const { DEMO, localSecrets } = await import('./lib/secrets.mjs');
const { seedDemo } = await import('./lib/seed.mjs');
const { BUILT } = await import('./lib/apps.mjs');
const { startMailCatcher } = await import('./lib/mail-catcher.mjs');
const { realtimeUrl, startClearinghouseSandbox, startSftp, writeClearinghouseAccounts } =
  await import('./lib/sftp.mjs');
const { addCounts, failedTests, jestCounts, noCounts, stepLine, summaryLine } =
  await import('./lib/summary.mjs');
const { messageOf } = await import('./lib/errors.mjs');

/** @type {import('./lib/summary.mjs').Step[]} */
const steps = [];
const totals = noCounts();
/** @type {Awaited<ReturnType<typeof ensurePostgres>> | undefined} */
let pg;
/** @type {Awaited<ReturnType<typeof ensureNats>> | undefined} */
let nats;
/** @type {{ url: string, stop: () => Promise<void> } | undefined} */
let integrationNats;
/** @type {string | undefined} */
let e2eDb;
/** @type {Awaited<ReturnType<typeof startMailCatcher>> | undefined} */
let mail;
/** @type {Awaited<ReturnType<typeof startSftp>> | undefined} */
let sftp;
const cleanup = async () => {
  await stopAll();
  await sftp?.stop();
  if (sftp) rmSync(sftp.dir, { recursive: true, force: true });
  await mail?.stop();
  if (e2eDb && pg) await dropDatabase(pg.url, e2eDb).catch(() => undefined);
  await integrationNats?.stop();
  await nats?.stop();
  await pg?.stop();
};
installSignalHandlers(cleanup);

/**
 * Runs a command with its output shown and kept, to count the Jest results in it.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<boolean>} whether it succeeded
 */
function runStep(name, command, args, env = {}) {
  return new Promise((resolve) => {
    log(`── ${name}`);
    const t0 = Date.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    /**
     * @param {Buffer} chunk
     * @param {NodeJS.WriteStream} stream
     */
    const keep = (chunk, stream) => {
      stream.write(chunk);
      if (out.length < 50_000_000) out += chunk.toString();
    };
    child.stdout.on('data', (c) => keep(c, process.stdout));
    child.stderr.on('data', (c) => keep(c, process.stderr));
    child.on('exit', (code) => {
      const counts = jestCounts(out);
      addCounts(totals, counts);
      const ok = code === 0;
      steps.push({ name, ok, seconds: (Date.now() - t0) / 1000, counts, failures: failedTests(out) });
      resolve(ok);
    });
  });
}

const nxBin = join(root, 'node_modules/.bin/nx');
/**
 * @param {string} target
 * @param {string[]} [extra]
 */
const nxMany = (target, extra = []) => [
  'run-many',
  '-t',
  target,
  '--parallel=2',
  '--output-style=stream',
  ...extra,
];

try {
  pg = await ensurePostgres({ root, log });
  nats = await ensureNats({ root, log });
  log(`PostgreSQL: ${pg.source}, NATS: ${nats.source} (${nats.url})`);
  // The stack runs on our authenticating server; integration tests make their own prefixes and
  // clients of every kind, so they get an open throw-away server instead (ADR 0012).
  // Without a nats-server binary (possible only with NATS_URL set) they use NATS_URL.
  integrationNats = await startOpenNats({ log }).catch((e) => {
    if (!process.env.NATS_URL) throw e;
    log(`integration tests use NATS_URL (${e.message})`);
    return { url: process.env.NATS_URL, stop: async () => undefined };
  });
  const testEnv = { TEST_DATABASE_SERVER_URL: pg.url, NATS_URL: integrationNats.url };

  if (checks) {
    await runStep('format check', join(root, 'node_modules/.bin/prettier'), [
      '--check',
      '--log-level=warn',
      '.',
    ]);
    await runStep('lint', nxBin, nxMany('lint'));
    await runStep('type check', nxBin, nxMany('typecheck'));
    await runStep('unit tests', nxBin, nxMany('test'), testEnv);
  }
  const built = await runStep('build', nxBin, nxMany('build', ['-p', BUILT.join(',')]));
  if (built && checks)
    await runStep('console bundle budget', nxBin, [
      'run',
      'admin-console:bundle-budget',
      '--output-style=stream',
    ]);
  if (checks) await runStep('integration tests', nxBin, nxMany('integration'), testEnv);

  if (built) {
    // A stack of its own: fresh database, private event streams, a free port.
    const id = randomBytes(4).toString('hex');
    e2eDb = `claimline_e2e_${id}`;
    await ensureDatabase(pg.url, e2eDb);
    const secrets = localSecrets(root);
    const port = await findFreePort();
    mail = await startMailCatcher({ root, log, smtpPort: 0, httpPort: 0 });
    // Our own sshd and the sandbox clearinghouse, for submission (sshd refuses a chroot under /tmp:
    // the workspace's tmp/). Without sshd the stack runs and the submission specs fail, saying why.
    sftp = await startSftp({ root, log, dir: join(root, 'tmp', `e2e-sftp-${id}`), port: 0 }).catch(
      (error) => {
        log(`SFTP server not started, submission cannot be tested: ${messageOf(error)}`);
        return undefined;
      },
    );
    const env = stackEnv({
      smtpUrl: mail.smtpUrl,
      databaseUrl: databaseUrl(pg.url, e2eDb),
      natsUrl: nats.url,
      secrets,
      port,
      root,
      logLevel: 'warn',
      events: {
        subjectPrefix: `e2e${id}.events`,
        streamPrefix: `E2E${id.toUpperCase()}`,
        rpcPrefix: `e2e${id}.rpc.`,
        transferBucket: `e2e-${id}-documents`,
      },
      ...(sftp && {
        clearinghouse: {
          accountsFile: writeClearinghouseAccounts({ sftp }),
          archiveDir: join(sftp.dir, 'archive'),
        },
      }),
    });
    // Batches uploaded and answers fetched within a second, the 835s two seconds later.
    env.SUBMISSION_UPLOAD_POLL_MS = '500';
    env.CLEARINGHOUSE_POLL_MS = '500';
    // Every browser test signs in through the UI from 127.0.0.1: the production limit of
    // sign-ins per minute per address (30) would throttle the suite, not test anything.
    env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    // The unread secure-message e-mail after 5 seconds instead of the seed's 2 minutes, so the
    // end-to-end test can see it arrive (the default is checked in messaging's integration tests).
    env.UNREAD_EMAIL_DELAY_SECONDS = '5';
    // The sandbox clearinghouse's real-time port (eligibility, claim status) for the apps.
    // One sandbox process: the SFTP answers (when our sshd runs) and the real-time HTTP port.
    const sandboxHttpPort = await findFreePort();
    env.CLEARINGHOUSE_ELIGIBILITY_URL = realtimeUrl(sandboxHttpPort);
    await migrate(root, env);
    const { base } = await startApps(root, env);
    startClearinghouseSandbox({ root, sftp, httpPort: sandboxHttpPort, remitDelayMs: 2000 });
    await seedDemo(base, secrets);
    const e2eEnv = {
      API_URL: base,
      E2E_ADMIN_EMAIL: DEMO.admin,
      E2E_ADMIN_PASSWORD: secrets.adminPassword,
      E2E_STAFF_EMAIL: DEMO.staff,
      E2E_STAFF_PASSWORD: secrets.staffPassword,
      E2E_OWNER_EMAIL: DEMO.owner,
      E2E_OWNER_PASSWORD: secrets.ownerPassword,
      E2E_JWT_SECRET: secrets.JWT_SECRET,
      E2E_MAIL_URL: mail.httpUrl,
    };
    if (runApi)
      await runStep(
        'end-to-end API tests',
        nxBin,
        ['run', 'api-e2e:e2e', '--output-style=stream', '--skip-nx-cache', ...specArgs],
        e2eEnv,
      );
    if (runBrowser) {
      // The console in a real browser: Debian's Chromium (installed with apt when missing).
      const chromiumPath = await ensureChromium({ log });
      await runStep(
        'browser tests (console)',
        nxBin,
        ['run', 'admin-console-e2e:e2e', '--output-style=stream', '--skip-nx-cache', ...specArgs],
        { ...e2eEnv, CHROMIUM_PATH: chromiumPath, SCREENSHOT_DIR: join(root, 'dist/screenshots') },
      );
    }
    await stopAll();
    await sftp?.stop();
    if (sftp) rmSync(sftp.dir, { recursive: true, force: true });
    sftp = undefined;
    const { connect } = await import('nats');
    const nc = await connect({ servers: nats.url, ...nats.operatorAuth });
    const jsm = await nc.jetstreamManager();
    for await (const s of jsm.streams.list()) {
      if (s.config.name.startsWith(`E2E${id.toUpperCase()}_`) || s.config.name === `OBJ_e2e-${id}-documents`)
        await jsm.streams.delete(s.config.name);
    }
    await nc.close();
  } else {
    steps.push({
      name: 'end-to-end tests',
      ok: false,
      seconds: 0,
      counts: noCounts(),
      note: 'not run: the build failed',
    });
  }
} catch (error) {
  steps.push({
    name: 'test harness',
    ok: false,
    seconds: 0,
    counts: noCounts(),
    note: messageOf(error),
  });
} finally {
  await cleanup();
}

console.log('\n──────── Claimline test summary ────────');
for (const s of steps) console.log(stepLine(s));
console.log(`total time ${((Date.now() - started) / 60000).toFixed(1)} min`);
console.log(summaryLine(totals, steps));
process.exit(steps.some((s) => !s.ok) ? 1 : 0);
