#!/usr/bin/env node
// Practice-settings benchmark against a started stack (API_URL + admin login in the environment,
// as tools/bench/practice-settings/stack.mjs or `npm start` provide them):
//  1. readiness of a group practice with 50 clinicians (every clinician's NPI is an item);
//  2. the practice list, paginated (50 a page, random offsets) over at least 5,000 practices.
// Target: p99 under 30 ms for each. The gateway's rate limit must be raised for the run
// (RATE_LIMIT_PER_MINUTE), or most requests are answered 429.
//
//   RATE_LIMIT_PER_MINUTE=100000000 node tools/bench/practice-settings/stack.mjs -- node tools/bench/practice-settings/bench.mjs
//
// Options: --duration <s> (10), --connections <n> (10), --practices <n> (5000).
import autocannon from 'autocannon';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
const PRACTICES = arg('practices', 5000);
const TARGET_P99_MS = 30;
const base = process.env.API_URL ?? 'http://127.0.0.1:3000';
const api = `${base}/api/v1`;

async function call(method, path, token, body) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return json;
}

/** Runs `fn(i)` for i in [0, n) with `width` in flight. */
async function pool(n, width, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

/** A valid Type 1 NPI from a 9-digit prefix (Luhn with the 80840 prefix). */
function npi(prefix9) {
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = Number(prefix9[8 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${prefix9}${(10 - (sum % 10)) % 10}`;
}

const address = { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' };
const { accessToken: token } = await call('POST', '/auth/login', undefined, {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@claimline.local',
  password: process.env.E2E_ADMIN_PASSWORD,
});

const existing = (await call('GET', '/practices?limit=1', token)).total;
const missing = Math.max(0, PRACTICES - existing);
console.log(`seeding ${missing} practices (${existing} there)…`);
let t0 = Date.now();
await pool(missing, 32, (i) =>
  call('POST', '/practices', token, {
    type: i % 3 ? 'solo' : 'group',
    name: `Bench Practice ${String(existing + i).padStart(5, '0')}`,
    phone: '5125550100',
    address,
  }),
);
console.log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);

console.log('seeding a group practice with 50 clinicians…');
t0 = Date.now();
const group = await call('POST', '/practices', token, {
  type: 'group',
  name: `Bench Group ${Date.now()}`,
  legalName: 'Bench Group LLC',
  phone: '5125550100',
  address,
  secureMessagingEnabled: true,
});
await pool(50, 10, (i) =>
  call('POST', `/practices/${group.id}/team-members`, token, {
    firstName: `Clinician${i}`,
    lastName: 'Bench',
    email: `c${i}@bench.test`,
    role: 'clinician',
    credentials: ['LCSW'],
    npi: npi(String(123400000 + i * 7919).padStart(9, '0')),
    taxonomyCode: '1041C0700X',
    secureMessagingEnabled: true,
  }),
);
await call('POST', `/practices/${group.id}/locations`, token, { name: 'Main office', address });
await call('PUT', `/practices/${group.id}/billing-profile`, token, {
  version: 0,
  billAs: 'organization',
  organizationNpi: '1982947636',
  taxId: { kind: 'ein', value: '12-3456789' },
  taxonomyCode: '261QM0801X',
  billingAddress: { ...address, zip: '78701-4042' },
  serviceFacilityLocation: false,
});
const readiness = await call('GET', `/practices/${group.id}/readiness`, token);
console.log(
  `  ${((Date.now() - t0) / 1000).toFixed(1)} s; readiness has ${readiness.total} items, complete=${readiness.complete}`,
);
const total = (await call('GET', '/practices?limit=1', token)).total;

const headers = { authorization: `Bearer ${token}` };
async function run(title, opts) {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, headers, ...opts });
  const l = result.latency;
  const bad = result.non2xx + result.errors + result.timeouts;
  const ok = l.p99 < TARGET_P99_MS && bad === 0;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${title}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, ` +
      `latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms, non-2xx/errors ${bad}`,
  );
  return ok;
}

console.log(`\nautocannon: ${CONNECTIONS} connections, ${DURATION} s each, target p99 < ${TARGET_P99_MS} ms`);
const a = await run(`GET readiness (group, 50 clinicians, ${readiness.total} items)`, {
  url: `${api}/practices/${group.id}/readiness`,
});
const pages = Math.max(1, Math.floor(total / 50));
const b = await run(`GET practices?limit=50&offset=random (${total} practices)`, {
  url: `${api}/practices`,
  requests: [
    {
      setupRequest: (req) => ({
        ...req,
        path: `/api/v1/practices?limit=50&offset=${50 * Math.floor(Math.random() * pages)}`,
      }),
    },
  ],
});
process.exit(a && b ? 0 : 1);
