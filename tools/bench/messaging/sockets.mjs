#!/usr/bin/env node
// Secure messaging live (ADR 0026): sockets spread over 2 gateway processes, messages posted at a
// steady rate through the API; for each message, the time from its commit (`createdAt`) to its
// arrival on every socket of its two participants (post → PostgreSQL → outbox relay → JetStream →
// every gateway → sockets). Prints delivery p50/p99/max, lost frames, and each gateway's RSS over
// the run. Starts its own stack (fresh database, private streams). Not a test.
//   node tools/bench/messaging/sockets.mjs [--sockets 1000] [--rate 100] [--duration 60]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureNats,
  ensurePostgres,
} from '../../scripts/lib/infra.mjs';
import { findFreePort, startProcess, stopAll, waitForHttp } from '../../scripts/lib/procs.mjs';
import { appEnv, buildApps, migrate, stackEnv, startApps } from '../../scripts/lib/stack.mjs';
import { localSecrets } from '../../scripts/lib/secrets.mjs';
import { seedDemo } from '../../scripts/lib/seed.mjs';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** @param {string} name @param {number} fallback */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SOCKETS = arg('sockets', 1000);
const RATE = arg('rate', 100);
const DURATION_S = arg('duration', 60);
const log = (m) => console.error(`[bench] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {number} pid */
function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * @param {string} base @param {string} method @param {string} path
 * @param {string | undefined} token @param {unknown} [body]
 */
async function call(base, method, path, token, body) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const pg = await ensurePostgres({ root, log });
const nats = await ensureNats({ root, log });
const id = randomBytes(4).toString('hex');
const db = `claimline_bench_${id}`;
await ensureDatabase(pg.url, db);
try {
  await buildApps(root);
  const secrets = localSecrets(root);
  const mail = await startMailCatcher({ root, log, smtpPort: 0, httpPort: 0 });
  const env = stackEnv({
    smtpUrl: mail.smtpUrl,
    databaseUrl: databaseUrl(pg.url, db),
    natsUrl: nats.url,
    secrets,
    port: await findFreePort(),
    root,
    logLevel: 'warn',
    events: {
      subjectPrefix: `bench${id}.events`,
      streamPrefix: `BENCH${id.toUpperCase()}`,
      rpcPrefix: `bench${id}.rpc.`,
      transferBucket: `bench-${id}-documents`,
    },
  });
  env.RATE_LIMIT_PER_MINUTE = '100000000';
  env.LOGIN_RATE_LIMIT_PER_MINUTE = '100000';
  await migrate(root, env);
  const { base, procs } = await startApps(root, env);
  // The second replica: same database and NATS, its own port.
  const port2 = await findFreePort();
  const gateway2 = startProcess({
    name: 'gateway-2',
    command: process.execPath,
    args: [join(root, 'dist/apps/api-gateway/main.js')],
    env: { ...appEnv('api-gateway', env), PORT: String(port2) },
    cwd: root,
  });
  const base2 = `http://127.0.0.1:${port2}`;
  await waitForHttp(`${base2}/health/ready`, { timeoutMs: 90_000, proc: gateway2 });
  const gateways = [procs.find((p) => p.name === 'gateway'), gateway2];
  await seedDemo(base, secrets);

  // A practice with Secure Messaging on, its owner, and the demo billing staff assigned to it.
  const admin = (
    await call(base, 'POST', '/auth/login', undefined, {
      email: 'admin@claimline.local',
      password: secrets.adminPassword,
    })
  ).body.accessToken;
  const practice = await call(base, 'POST', '/practices', admin, {
    type: 'solo',
    name: `Bench Messaging ${id}`,
    phone: '5125550100',
    address: { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' },
    secureMessagingEnabled: true,
  });
  const practiceId = practice.body.id;
  const ownerEmail = `owner-${id}@bench.test`;
  const ownerPassword = `Harbor-${id}-Lantern-Quay`;
  await call(base, 'POST', `/practices/${practiceId}/team-members`, admin, {
    firstName: 'Robin',
    lastName: 'Hale',
    email: ownerEmail,
    role: 'owner',
    secureMessagingEnabled: true,
  });
  const owner = await call(base, 'POST', '/users', admin, {
    email: ownerEmail,
    displayName: 'Robin Hale',
    password: ownerPassword,
    role: 'practice_owner',
    practiceId,
  });
  const staffLogin = { email: 'billing@claimline.local', password: secrets.staffPassword };
  const staffMe = (
    await call(
      base,
      'GET',
      '/auth/me',
      (await call(base, 'POST', '/auth/login', undefined, staffLogin)).body.accessToken,
    )
  ).body;
  await call(base, 'PUT', `/users/${staffMe.id}/practices`, admin, {
    practiceIds: [...(staffMe.practiceIds ?? []), practiceId],
  });
  const staff = (await call(base, 'POST', '/auth/login', undefined, staffLogin)).body.accessToken;
  const ownerToken = (
    await call(base, 'POST', '/auth/login', undefined, { email: ownerEmail, password: ownerPassword })
  ).body.accessToken;
  let thread;
  for (let i = 0; i < 120 && !thread; i++) {
    const r = await call(base, 'POST', `/practices/${practiceId}/threads`, staff, {
      subject: 'Bench',
      participantUserIds: [owner.body.id],
      text: 'start',
    });
    if (r.status === 201) thread = r.body;
    else await sleep(500);
  }
  if (!thread) throw new Error('messaging never learnt the practice');

  // The sockets: half the owner's, half the staff member's, alternating between the replicas.
  /** @type {{ ws: WebSocket, got: Set<string> }[]} */
  const sockets = [];
  /** @type {number[]} */
  const latencies = [];
  for (let i = 0; i < SOCKETS; i++) {
    const ws = new WebSocket(`${(i % 2 ? base2 : base).replace('http', 'ws')}/api/v1/realtime`);
    const entry = { ws, got: new Set() };
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type !== 'message.posted') return;
      entry.got.add(frame.messageId);
      latencies.push(Date.now() - Date.parse(frame.createdAt));
    });
    await new Promise((done, fail) => {
      ws.once('open', () => done(undefined));
      ws.once('error', fail);
    });
    ws.send(JSON.stringify({ type: 'auth', token: Math.floor(i / 2) % 2 ? ownerToken : staff }));
    sockets.push(entry);
  }
  await sleep(2000);
  log(`${SOCKETS} sockets open on 2 gateways; posting ${RATE} messages/s for ${DURATION_S} s`);

  /** @type {string[]} */
  const posted = [];
  /** @type {string[]} */
  const rss = [];
  const sample = () => rss.push(gateways.map((g) => `${rssMb(g.child.pid).toFixed(0)}`).join('/'));
  sample();
  const started = Date.now();
  let failed = 0;
  const inflight = new Set();
  let next = started;
  let lastSample = started;
  while (Date.now() - started < DURATION_S * 1000) {
    const p = call(
      base,
      'POST',
      `/practices/${practiceId}/threads/${thread.id}/messages`,
      posted.length % 2 ? staff : ownerToken,
      {
        text: `message ${posted.length}`,
      },
    ).then((r) => (r.status === 201 ? posted.push(r.body.id) : failed++));
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    next += 1000 / RATE;
    if (Date.now() - lastSample > 10_000) {
      sample();
      lastSample = Date.now();
    }
    await sleep(Math.max(0, next - Date.now()));
  }
  await Promise.all(inflight);
  await sleep(3000);
  sample();
  const sorted = latencies.sort((a, b) => a - b);
  let lost = 0;
  for (const s of sockets) for (const m of posted) if (!s.got.has(m)) lost++;
  console.log(
    JSON.stringify(
      {
        sockets: SOCKETS,
        gateways: 2,
        ratePerSecond: RATE,
        durationSeconds: DURATION_S,
        posted: posted.length,
        postsFailed: failed,
        framesDelivered: latencies.length,
        framesLost: lost,
        deliveryMs: { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) },
        gatewayRssMb: rss,
      },
      null,
      2,
    ),
  );
  for (const s of sockets) s.ws.terminate();
  await mail.stop();
} finally {
  await stopAll();
  await dropDatabase(pg.url, db).catch(() => undefined);
}
process.exit(0);
