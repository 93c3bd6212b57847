#!/usr/bin/env node
// Client search and bulk missing-info at practice scale: HTTP → gateway (JWT, scope, audit row)
// → NATS → client-insurance-service → PostgreSQL → back, for a practice of 20,000 clients.
// Starts its own stack on a fresh database and private event streams, fills the practice over
// NATS, measures with autocannon, prints req/s and p50/p99 per load, cleans up. Not a test.
//
//   node tools/bench/client-insurance/clients.mjs [--duration 10] [--clients 20000] [--no-build]
//
// How the practice is filled: the clients are created by `client-insurance.client.create`
// requests sent straight to NATS (the service's own RPC, with the billing-staff assertion the gateway
// would sign, using the local stack's gateway key), 32 in flight at a time; that goes through the service's validation, transaction
// and outbox like any other creation, without the HTTP, audit and rate-limit layers of the gateway.
// The insurance clients among the 1,000 queried by the bulk missing-info call get a primary policy
// (`client-insurance.policy.create`, 8 in flight), every tenth for a dependant with a subscriber.
//
// The stack gets its own RPC subject prefix (`bench<id>.rpc.`), so no other stack on the shared
// NATS server answers our requests; the direct NATS calls below use it too.
import autocannon from 'autocannon';
import { JSONCodec, connect, headers as natsHeaders } from 'nats';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
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
import { startMailCatcher } from '../../scripts/lib/mail-catcher.mjs';
import { buildApps, migrate, stackEnv, startApps } from '../../scripts/lib/stack.mjs';
import { DEMO, localSecrets } from '../../scripts/lib/secrets.mjs';
import { seedDemo } from '../../scripts/lib/seed.mjs';
import { gatewayAssertion } from '../../scripts/lib/assertion.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, fallback) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const duration = Number(arg('--duration', 10)) || 10;
const CLIENTS = Number(arg('--clients', 20_000)) || 20_000;
const BULK = 1000;
const log = (m) => console.error(`[bench] ${m}`);
const codec = JSONCodec();

const LAST_NAMES = [
  'Smith',
  'Smithers',
  'Smits',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Smiley',
  'Okafor',
  'Kowalski',
  'Nakamura',
  'Schmidt',
  'Lovelace',
  'Hopper',
  'Turing',
];
const FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Ada',
  'Grace',
  'Alan',
  'Smita',
  'Ivy',
  'Noah',
  'Liam',
  'Emma',
  'Olivia',
  'Ava',
  'Mia',
  'Lucas',
  'Mateo',
  'Sofia',
  'Amara',
  'Kenji',
  'Priya',
  'Omar',
  'Fatima',
  'Chen',
  'Zoe',
  'Eli',
];

function load(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Runs `task(i)` for i in [0, n) with at most `width` in flight; resolves with the results in order. */
async function pool(n, width, task) {
  const out = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

function rpc(nc, actor, prefix, secrets) {
  return async (subject, data) => {
    const h = natsHeaders();
    const requestId = randomUUID();
    h.set('x-request-id', requestId);
    h.set('x-claimline-assertion', gatewayAssertion(secrets, subject, data, actor, requestId));
    const msg = await nc.request(
      prefix + subject,
      codec.encode({ pattern: subject, data: { data }, id: randomUUID() }),
      { timeout: 30_000, headers: h },
    );
    const reply = codec.decode(msg.data);
    if (reply.err) throw new Error(`${subject}: ${JSON.stringify(reply.err)}`);
    return reply.response;
  };
}

async function http(base, method, path, token, body) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const pick = (list, i) => list[i % list.length];
const pad = (n, w) => String(n).padStart(w, '0');

function clientData(i, practiceId) {
  // Deterministic variety: ~70 % insurance, ~30 % self-pay, a few without phone, address or sex.
  const birthYear = 1940 + ((i * 7) % 80);
  return {
    practiceId,
    firstName: pick(FIRST_NAMES, i * 13 + 5),
    lastName: pick(LAST_NAMES, i),
    birthDate: `${birthYear}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`,
    ...(i % 17 !== 0 && { sex: pick(['F', 'M', 'U'], i) }),
    ...(i % 11 !== 0 && { phone: `512555${pad(i % 10_000, 4)}` }),
    ...(i % 13 !== 0 && {
      address: { line1: `${100 + (i % 900)} Congress Ave`, city: 'Austin', state: 'TX', zip: '78701' },
    }),
    billingType: i % 10 < 7 ? 'insurance' : 'self_pay',
  };
}

const pg = await ensurePostgres({ root, log });
const nats = await ensureNats({ root, log });
const id = randomBytes(4).toString('hex');
const db = `claimline_bench_${id}`;
const rpcPrefix = `bench${id}.rpc.`;
let nc;
let mail;
try {
  nc = await connect({ servers: nats.url, name: `bench-${id}`, ...nats.operatorAuth });
  await ensureDatabase(pg.url, db);
  if (!process.argv.includes('--no-build')) await buildApps(root);
  const secrets = localSecrets(root);
  const port = await findFreePort();
  mail = await startMailCatcher({ root, log: () => undefined, smtpPort: 0, httpPort: 0 });
  const env = stackEnv({
    smtpUrl: mail.smtpUrl,
    databaseUrl: databaseUrl(pg.url, db),
    natsUrl: nats.url,
    secrets,
    port,
    root,
    logLevel: 'warn',
    events: { subjectPrefix: `bench${id}.events`, streamPrefix: `BENCH${id.toUpperCase()}`, rpcPrefix },
  });
  // The bench measures the round trip, not the rate limiter.
  env.RATE_LIMIT_PER_MINUTE = '100000000';
  await migrate(root, env);
  const { base } = await startApps(root, env);
  await seedDemo(base, secrets);

  const staff = (
    await http(base, 'POST', '/auth/login', undefined, { email: DEMO.staff, password: secrets.staffPassword })
  ).accessToken;
  const practice = await http(base, 'POST', '/practices', staff, {
    type: 'group',
    name: `Bench Practice ${id}`,
    phone: '(512) 555-0190',
    address: { line1: '700 Lavaca St', city: 'Austin', state: 'TX', zip: '78701' },
  });
  const me = await http(base, 'GET', '/auth/me', staff);
  const actor = { userId: me.id, role: me.role, practiceIds: me.practiceIds };
  if (!actor.practiceIds.includes(practice.id))
    throw new Error('billing staff was not assigned the bench practice');
  const send = rpc(nc, actor, rpcPrefix, secrets);

  log(`creating ${CLIENTS} clients over NATS (client-insurance.client.create, 32 in flight)…`);
  let t0 = Date.now();
  const clients = await pool(CLIENTS, 32, (i) =>
    send('client-insurance.client.create', clientData(i, practice.id)),
  );
  const insertSeconds = (Date.now() - t0) / 1000;
  log(`  ${CLIENTS} clients in ${insertSeconds.toFixed(1)} s (${(CLIENTS / insertSeconds).toFixed(0)}/s)`);

  // The 1,000 clients of the bulk query, spread over the practice; their insurance clients get a primary policy.
  // (Offset within each stride so billing types and names vary like in the whole practice.)
  const stride = Math.floor(CLIENTS / BULK);
  const bulkClients = Array.from({ length: BULK }, (_, k) => clients[k * stride + ((k * 7) % stride)]);
  const bulkIds = bulkClients.map((c) => c.id);
  const aetna = (await http(base, 'GET', '/payers?search=60054', staff)).items.find(
    (p) => p.name === 'Aetna',
  );
  const insured = bulkClients.filter((c) => c.billingType === 'insurance');
  t0 = Date.now();
  await pool(insured.length, 8, (k) =>
    send('client-insurance.policy.create', {
      practiceId: practice.id,
      clientId: insured[k].id,
      order: 'primary',
      payerId: aetna.id,
      memberId: `W${pad(k, 9)}`,
      ...(k % 10 === 0
        ? {
            relationship: 'child',
            subscriber: {
              firstName: 'Pat',
              lastName: insured[k].lastName,
              birthDate: '1970-05-05',
              sex: 'F',
              address: { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' },
            },
          }
        : { relationship: 'self' }),
    }),
  );
  log(`  ${insured.length} policies in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const headers = { authorization: `Bearer ${staff}`, 'content-type': 'application/json' };
  const searchUrl = `${base}/api/v1/practices/${practice.id}/clients?search=smi`;
  const bulkUrl = `${base}/api/v1/practices/${practice.id}/clients/missing-info`;
  const bulkBody = JSON.stringify({ clientIds: bulkIds });

  // What one answer looks like, so the figures are for real work.
  const search = await http(base, 'GET', `/practices/${practice.id}/clients?search=smi`, staff);
  const bulk = await http(base, 'POST', `/practices/${practice.id}/clients/missing-info`, staff, {
    clientIds: bulkIds,
  });
  const incomplete = bulk.items.filter((x) => !x.complete).length;
  log(
    `  search=smi: ${search.total} matches, ${search.items.length} on the page; bulk: ${bulk.items.length} answered, ${incomplete} incomplete, ${bulk.notFound.length} not found`,
  );

  await load({ url: searchUrl, headers, connections: 10, duration: 3 }); // warm-up
  await load({ url: bulkUrl, method: 'POST', headers, body: bulkBody, connections: 4, duration: 3 });

  const rows = [];
  const cases = [
    ['GET clients?search=smi', { url: searchUrl, headers }],
    [`POST clients/missing-info (${BULK} ids)`, { url: bulkUrl, method: 'POST', headers, body: bulkBody }],
  ];
  const loads = [
    ['1 connection', { connections: 1 }],
    ['10 connections, 50 req/s', { connections: 10, overallRate: 50 }],
    ['10 connections, max', { connections: 10 }],
  ];
  const loadBefore = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  for (const [what, req] of cases) {
    for (const [label, opts] of loads) {
      const r = await load({ ...req, ...opts });
      rows.push({
        request: what,
        load: label,
        'req/s': r.requests.average.toFixed(0),
        'p50 ms': r.latency.p50,
        'p99 ms': r.latency.p99,
        errors: r.errors + r.non2xx,
      });
    }
  }
  // The service alone (direct NATS RPC, one in flight), to split the gateway's share from the service's.
  const direct = async (what, subject, data) => {
    const times = [];
    const end = Date.now() + duration * 1000;
    while (Date.now() < end) {
      const t = process.hrtime.bigint();
      await send(subject, data);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]);
    rows.push({
      request: what,
      load: 'NATS RPC only, 1 in flight',
      'req/s': (times.length / duration).toFixed(0),
      'p50 ms': at(0.5),
      'p99 ms': at(0.99),
      errors: 0,
    });
  };
  await direct('client.list search=smi', 'client-insurance.client.list', {
    practiceId: practice.id,
    search: 'smi',
  });
  await direct(`missing-info.get-many (${BULK} ids)`, 'client-insurance.missing-info.get-many', {
    practiceId: practice.id,
    clientIds: bulkIds,
  });
  await new Promise((r) => setTimeout(r, 1000)); // let the last answers drain before stopping the stack

  console.log(
    `\nClient-insurance through the gateway as billing staff (JWT, scope, audit row, NATS RPC, PostgreSQL), ` +
      `practice of ${CLIENTS} clients, ${duration}s per row`,
  );
  console.table(rows);
  console.log(
    `fill: ${CLIENTS} clients over NATS in ${insertSeconds.toFixed(1)} s (${(CLIENTS / insertSeconds).toFixed(0)}/s, 32 in flight)`,
  );
  console.log(
    `search=smi: ${search.total} matching clients (page of ${search.items.length}); bulk: ${incomplete} of ${BULK} incomplete`,
  );
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadBefore} (1/5/15 min) before measuring, after ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await nc?.close().catch(() => undefined);
  await stopAll();
  await mail?.stop();
  await dropDatabase(pg.url, db).catch(() => undefined);
  // Our private event streams go with the database.
  try {
    const c = await connect({ servers: nats.url, ...nats.operatorAuth });
    const jsm = await c.jetstreamManager();
    for await (const s of jsm.streams.list())
      if (s.config.name.startsWith(`BENCH${id.toUpperCase()}_`)) await jsm.streams.delete(s.config.name);
    await c.close();
  } catch {
    /* best effort */
  }
  await nats.stop();
  await pg.stop();
}
