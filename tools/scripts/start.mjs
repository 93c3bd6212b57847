#!/usr/bin/env node
// @ts-check
// npm start: dependencies, infrastructure (reused or started), build, migrations, demo seed,
// every app as its own process; prints the URL and the demo logins. Ctrl-C stops what it started.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** @param {string} msg */
const log = (msg) => console.log(`\x1b[1m[claimline]\x1b[0m ${msg}`);

await ensureDependencies({ root, log });
const { ensureDatabase, ensureNats, ensurePostgres, databaseUrl } = await import('./lib/infra.mjs');
const { installSignalHandlers } = await import('./lib/procs.mjs');
const { buildApps, metricsLines, migrate, stackEnv, startApps } = await import('./lib/stack.mjs');
const { DEMO, localSecrets } = await import('./lib/secrets.mjs');
const { seedDemo } = await import('./lib/seed.mjs');
const { startMailCatcher } = await import('./lib/mail-catcher.mjs');
const { realtimeUrl, startClearinghouseSandbox, startSftp, writeClearinghouseAccounts } =
  await import('./lib/sftp.mjs');
const { messageOf } = await import('./lib/errors.mjs');

/** @type {Awaited<ReturnType<typeof ensurePostgres>> | undefined} */
let pg;
/** @type {Awaited<ReturnType<typeof ensureNats>> | undefined} */
let nats;
/** @type {Awaited<ReturnType<typeof startMailCatcher>> | undefined} */
let mail;
/** @type {Awaited<ReturnType<typeof startSftp>> | undefined} */
let sftp;
const shutdown = installSignalHandlers(async () => {
  await sftp?.stop();
  await mail?.stop();
  await nats?.stop();
  await pg?.stop();
});

try {
  pg = await ensurePostgres({ root, log });
  nats = await ensureNats({ root, log });
  await ensureDatabase(pg.url, pg.database);
  log(`PostgreSQL: ${pg.source} (${pg.database}), NATS: ${nats.source} (${nats.url})`);

  // SMTP_URL set: real e-mail; otherwise a local catcher shows what would have been sent.
  mail = process.env.SMTP_URL ? undefined : await startMailCatcher({ root, log });
  const secrets = localSecrets(root);
  const port = Number(process.env.PORT ?? 3000);
  // The sandbox clearinghouse over our own OpenSSH SFTP server, before the apps: they read its
  // accounts file at start. The rest runs without it.
  sftp = await startSftp({ root, log }).catch((error) => {
    log(`clearinghouse sandbox not started: ${messageOf(error)}`);
    return undefined;
  });
  const env = stackEnv({
    databaseUrl: databaseUrl(pg.url, pg.database),
    natsUrl: nats.url,
    secrets,
    port,
    root,
    // The catcher runs exactly when SMTP_URL is empty or unset: then the apps send to it.
    smtpUrl: mail ? mail.smtpUrl : process.env.SMTP_URL,
    ...(sftp && {
      clearinghouse: {
        accountsFile: writeClearinghouseAccounts({ sftp }),
        archiveDir: join(root, '.data', 'clearinghouse-archive'),
      },
    }),
  });

  // The sandbox's real-time port (eligibility 270/271, claim status 276/277).
  const sandboxHttpPort = Number(process.env.SANDBOX_HTTP_PORT ?? 3080);
  env.CLEARINGHOUSE_ELIGIBILITY_URL ??= realtimeUrl(sandboxHttpPort);

  log('building the apps (cached after the first run)…');
  await buildApps(root);
  log('running migrations…');
  await migrate(root, env);
  log('starting the apps…');
  const { base, metrics } = await startApps(root, env);
  await seedDemo(base, secrets);
  startClearinghouseSandbox({ root, sftp, httpPort: sandboxHttpPort });
  const sftpLine = sftp
    ? `sftp://${sftp.accounts.sandbox.username}@${sftp.host}:${sftp.port} (key .data/sftp/accounts/sandbox/id_ed25519; clearinghouse sandbox)`
    : 'not running (see above)';

  console.log(`
  Claimline is running.

    Console     ${base}/          (sign in with a demo login below)
    API         ${base}/api/v1
    API docs    ${base}/api/docs
    Health      ${base}/health/ready
    E-mail      ${mail ? `${mail.httpUrl}/messages (local catcher; set SMTP_URL to send for real)` : 'SMTP_URL'}
    SFTP        ${sftpLine}
    Real-time   ${env.CLEARINGHOUSE_ELIGIBILITY_URL} (clearinghouse sandbox: 270/271, 276/277)

  Metrics (Prometheus text format, loopback only):
${metricsLines(metrics)}

  Demo logins (passwords are generated once, kept in .data/local-secrets.json):
    admin          ${DEMO.admin}  /  ${secrets.adminPassword}
    billing staff  ${DEMO.staff}  /  ${secrets.staffPassword}
    practice owner ${DEMO.owner}  /  ${secrets.ownerPassword}

  Ctrl-C stops everything this command started.
`);
} catch (error) {
  console.error(`\n[claimline] could not start: ${messageOf(error)}`);
  await shutdown(1);
}
