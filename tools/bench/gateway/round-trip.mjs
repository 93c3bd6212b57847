#!/usr/bin/env node
// Gateway round trip: HTTP → gateway (auth, audit) → NATS → practice-settings → PostgreSQL → back.
// Starts its own stack on a fresh database and private event streams, measures with autocannon,
// prints throughput and p50/p99 at a few loads and the idle RSS of each process. Not a test.
//   node tools/bench/gateway/round-trip.mjs [--duration 10]
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureNats,
  ensurePostgres,
} from '../../scripts/lib/infra.mjs';
import { findFreePort, stopAll } from '../../scripts/lib/procs.mjs';
import { buildApps, migrate, stackEnv, startApps } from '../../scripts/lib/stack.mjs';
import { localSecrets } from '../../scripts/lib/secrets.mjs';
import { seedDemo } from '../../scripts/lib/seed.mjs';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const duration = Number(process.argv[process.argv.indexOf('--duration') + 1]) || 10;
const log = (m) => console.error(`[bench] ${m}`);

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function load(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ ...opts, duration }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const pg = await ensurePostgres({ root, log });
const nats = await ensureNats({ root, log });
const id = randomBytes(4).toString('hex');
const db = `claimline_bench_${id}`;
await ensureDatabase(pg.url, db);
try {
  await buildApps(root);
  const secrets = localSecrets(root);
  const port = await findFreePort();
  const mail = await startMailCatcher({ root, log, smtpPort: 0, httpPort: 0 });
  const env = stackEnv({
    smtpUrl: mail.smtpUrl,
    databaseUrl: databaseUrl(pg.url, db),
    natsUrl: nats.url,
    secrets,
    port,
    root,
    logLevel: 'warn',
    events: {
      subjectPrefix: `bench${id}.events`,
      streamPrefix: `BENCH${id.toUpperCase()}`,
      rpcPrefix: `bench${id}.rpc.`,
    },
  });
  // The bench measures the round trip, not the rate limiter.
  env.RATE_LIMIT_PER_MINUTE = '100000000';
  await migrate(root, env);
  const { base, procs } = await startApps(root, env);
  const { practice } = await seedDemo(base, secrets);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'billing@claimline.local', password: secrets.staffPassword }),
  }).then((r) => r.json());
  const url = `${base}/api/v1/practices/${practice.id}`;
  const headers = { authorization: `Bearer ${login.accessToken}` };

  await new Promise((r) => setTimeout(r, 2000));
  const idle = procs.map((p) => `${p.name} ${rssMb(p.child.pid).toFixed(0)} MB`);
  await load({ url, headers, connections: 10, duration: 3 }); // warm-up

  const rows = [];
  for (const [label, opts] of [
    ['300 req/s, 10 connections', { connections: 10, overallRate: 300 }],
    ['300 req/s, 50 connections', { connections: 50, overallRate: 300 }],
    ['max, 1 connection', { connections: 1 }],
    ['max, 10 connections', { connections: 10 }],
    ['max, 50 connections', { connections: 50 }],
  ]) {
    const r = await load({ url, headers, ...opts });
    rows.push({
      load: label,
      'req/s': r.requests.average.toFixed(0),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      errors: r.errors + r.non2xx,
    });
  }
  console.log(
    `\nGET /api/v1/practices/{id} as billing staff (JWT, scope lookup, audit row, NATS RPC, PostgreSQL), ${duration}s per row`,
  );
  console.table(rows);
  console.log(`idle RSS: ${idle.join(', ')}`);
  await mail.stop();
} finally {
  await stopAll();
  await dropDatabase(pg.url, db).catch(() => undefined);
  await nats.stop();
  await pg.stop();
}
