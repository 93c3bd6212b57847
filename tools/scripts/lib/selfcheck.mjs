#!/usr/bin/env node
// @ts-check
// Manual self-check of the local-stack plumbing (not part of the test suite).
//   node tools/scripts/lib/selfcheck.mjs
//       -> expects this machine's PostgreSQL and NATS ('local' or 'env')
//   CLAIMLINE_PG_PROBE_PORT=5999 CLAIMLINE_NATS_PROBE_PORT=5998 node tools/scripts/lib/selfcheck.mjs
//       -> probes nothing, so exercises embedded PostgreSQL + our own nats-server under
//          a temp root (CLAIMLINE_SELFCHECK_ROOT, default /tmp/cl-infra-check), twice each,
//          checking that data survives a restart.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensurePostgres, ensureDatabase, dropDatabase, databaseUrl, ensureNats } from './infra.mjs';
import {
  startProcess,
  run,
  waitForHttp,
  waitForPort,
  findFreePort,
  installSignalHandlers,
} from './procs.mjs';
import { messageOf } from './errors.mjs';

/** @param {string} m */
const log = (m) => console.log(`  · ${m}`);
/** @param {string} m */
const ok = (m) => console.log(`  ✓ ${m}`);
const root = process.env.CLAIMLINE_SELFCHECK_ROOT ?? '/tmp/cl-infra-check';
const fallback = Boolean(process.env.CLAIMLINE_PG_PROBE_PORT || process.env.CLAIMLINE_NATS_PROBE_PORT);
/** @type {Set<() => Promise<void>>} */
const cleanups = new Set();
installSignalHandlers(async () => {
  for (const c of cleanups) await c();
});

/**
 * @param {unknown} cond
 * @param {string} msg
 * @returns {asserts cond}
 */
function assert(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

/**
 * @param {string} url
 * @param {string} sql
 */
async function query(url, sql) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** @param {number} round */
async function checkPostgresOnce(round) {
  console.log(`PostgreSQL (round ${round})`);
  const pg = await ensurePostgres({ root, log });
  cleanups.add(pg.stop);
  ok(`source=${pg.source} url=${pg.url} database=${pg.database}${pg.reused ? ' (reused)' : ''}`);
  if (!fallback) assert(pg.source === 'local' || pg.source === 'env', `expected local/env, got ${pg.source}`);
  else assert(pg.source === 'embedded', `expected embedded, got ${pg.source}`);
  const db = `claimline_selfcheck_${process.pid}`;
  assert((await ensureDatabase(pg.url, db)) === true, 'first ensureDatabase creates');
  assert((await ensureDatabase(pg.url, db)) === false, 'second ensureDatabase is a no-op');
  // Racing creators must not fail.
  const raced = `${db}_race`;
  const results = await Promise.all([1, 2, 3, 4].map(() => ensureDatabase(pg.url, raced)));
  assert(results.filter(Boolean).length === 1, `exactly one racer creates (${results})`);
  const rows = await query(databaseUrl(pg.url, db), 'select 1 as one, version() as v');
  assert(rows[0].one === 1, 'select 1');
  ok(`created ${db}, select 1 -> ${rows[0].one} (${rows[0].v.split(' ').slice(0, 2).join(' ')})`);
  if (pg.source === 'embedded') {
    await query(databaseUrl(pg.url, 'postgres'), `create table if not exists selfcheck_marker(round int)`);
    await query(databaseUrl(pg.url, 'postgres'), `insert into selfcheck_marker values (${round})`);
    const marks = await query(
      databaseUrl(pg.url, 'postgres'),
      'select array_agg(round order by round) as r from selfcheck_marker',
    );
    ok(`persistent rows across runs: ${JSON.stringify(marks[0].r)}`);
    if (round === 2) assert(marks[0].r.length >= 2, 'data from round 1 survived the restart');
  }
  const holder = (await import('pg')).default;
  const hold = new holder.Client({ connectionString: databaseUrl(pg.url, db) });
  hold.on('error', () => undefined);
  await hold.connect(); // dropDatabase must terminate this connection
  await dropDatabase(pg.url, db);
  await dropDatabase(pg.url, raced);
  await dropDatabase(pg.url, raced); // idempotent
  ok('dropped both databases (with an open connection terminated)');
  await pg.stop();
  cleanups.delete(pg.stop);
  if (pg.source === 'embedded' && !pg.reused) {
    assert(!existsSync(path.join(pg.dataDir ?? '', 'postmaster.pid')), 'postmaster.pid gone after stop');
    ok('stopped');
  }
  return pg;
}

/** @param {number} round */
async function checkNatsOnce(round) {
  console.log(`NATS (round ${round})`);
  const nats = await ensureNats({ root, log });
  cleanups.add(nats.stop);
  ok(
    `source=${nats.source} url=${nats.url}${nats.monitorUrl ? ` monitor=${nats.monitorUrl}` : ''}${nats.reused ? ' (reused)' : ''}`,
  );
  // Without NATS_URL it is always our own, authenticating server (ADR 0012).
  assert(nats.source === (process.env.NATS_URL ? 'env' : 'started'), `unexpected source ${nats.source}`);
  const { connect } = await import('nats');
  const nc = await connect({ servers: nats.url, ...nats.operatorAuth });
  const jsm = await nc.jetstreamManager();
  const stream = 'CLAIMLINE_SELFCHECK';
  if (nats.source === 'started') {
    if (round === 1) {
      await jsm.streams.delete(stream).catch(() => undefined);
      await jsm.streams.add({
        name: stream,
        subjects: ['selfcheck.>'],
        storage: /** @type {import('nats').StorageType} */ ('file'),
      });
      await nc.jetstream().publish('selfcheck.hello', new TextEncoder().encode('persisted'));
      ok(`created stream ${stream} with 1 message`);
    } else {
      const info = await jsm.streams.info(stream);
      assert(info.state.messages === 1, `stream still has its message (has ${info.state.messages})`);
      ok(`stream ${stream} survived the restart with ${info.state.messages} message`);
      await jsm.streams.delete(stream);
    }
    if (nats.monitorUrl)
      ok(`monitor healthz -> ${await waitForHttp(`${nats.monitorUrl}/healthz`, { timeoutMs: 5000 })}`);
  } else {
    // Do not leave anything behind on the machine's own server.
    const name = `CLAIMLINE_SELFCHECK_${process.pid}`;
    await jsm.streams.add({
      name,
      subjects: [`selfcheck.${process.pid}.>`],
      storage: /** @type {import('nats').StorageType} */ ('memory'),
    });
    await jsm.streams.delete(name);
    ok('created and deleted a JetStream stream');
  }
  await nc.close();
  await nats.stop();
  cleanups.delete(nats.stop);
  if (nats.source === 'started' && !nats.reused) {
    assert(
      !(await import('./procs.mjs').then((p) => p.canConnect('127.0.0.1', new URL(nats.url).port))),
      'nats-server stopped',
    );
    ok('stopped');
  }
  return nats;
}

async function checkProcs() {
  console.log('procs');
  const port = await findFreePort();
  const script = `
    const http = require('http');
    const log = (o) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, ...o }));
    http.createServer((req, res) => { res.end('ok'); log({ req: { method: req.method, url: req.url }, res: { statusCode: 200 }, responseTime: 1, msg: 'request completed' }); })
      .listen(${port}, '127.0.0.1', () => { log({ msg: 'listening', context: 'Bootstrap' }); console.log('plain line passes through'); console.error(JSON.stringify({ level: 50, time: Date.now(), msg: 'boom', err: { message: 'kaputt', stack: 'Error: kaputt\\n    at here' } })); });
    process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(0); });`;
  const p = startProcess({ name: 'demo-api', command: process.execPath, args: ['-e', script] });
  await waitForPort('127.0.0.1', port, 10000);
  assert(
    (await waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 10000, proc: p })) === 200,
    'waitForHttp',
  );
  const res = await p.stop();
  ok(`demo process stopped: ${JSON.stringify(res)}`);
  const stubborn = startProcess({
    name: 'stubborn',
    command: process.execPath,
    args: [
      '-e',
      "process.on('SIGTERM',()=>console.log('ignoring SIGTERM'));setInterval(()=>{},1000);console.log('up')",
    ],
  });
  await new Promise((r) => stubborn.child.stdout?.once('data', r)); // its SIGTERM handler is installed
  const r2 = await stubborn.stop('SIGTERM', 800);
  assert(r2.signal === 'SIGKILL', 'SIGKILL after timeout');
  ok(`stubborn process killed after timeout: ${JSON.stringify(r2)}`);
  await run(process.execPath, ['-e', 'console.log("run ok")'], { name: 'run' });
  /** @type {string} */
  let failed = '';
  await run(process.execPath, ['-e', 'process.exit(3)']).catch((e) => (failed = messageOf(e)));
  assert(failed.includes('exit code 3'), 'run rejects on non-zero');
  ok(`run rejects: ${failed.slice(0, 60)}…`);
}

const started = Date.now();
try {
  console.log(
    `selfcheck: mode=${fallback ? 'fallback (embedded / own nats-server)' : 'defaults (machine services)'} root=${root}`,
  );
  await checkProcs();
  await checkPostgresOnce(1);
  if (fallback) {
    const pgVersion = path.join(root, '.data', 'postgres', 'PG_VERSION');
    const before = statSync(pgVersion).mtimeMs;
    await checkPostgresOnce(2);
    assert(statSync(pgVersion).mtimeMs === before, 'not re-initialised');
    ok('second start reused the data directory (PG_VERSION untouched, no initdb)');
  }
  await checkNatsOnce(1);
  if (fallback) await checkNatsOnce(2);
  console.log(`selfcheck OK in ${((Date.now() - started) / 1000).toFixed(1)}s`);
} catch (e) {
  console.error(`selfcheck FAILED: ${/** @type {Error} */ (e)?.stack ?? e}`);
  for (const c of cleanups) await c().catch(() => undefined);
  process.exitCode = 1;
}
