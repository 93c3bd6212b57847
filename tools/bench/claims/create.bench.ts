/* Batch creation of claims through the whole system: HTTP → gateway (JWT, scope, audit) → NATS →
 * claims-service → client-insurance / practice-settings / enrollments over NATS → PostgreSQL, with
 * scrubbing and one authorization visit consumed per appointment. Not part of the test suite.
 * Run it inside the private claims stack (which sets API_URL, DATABASE_URL and the logins):
 *
 *   RATE_LIMIT_PER_MINUTE=100000000 node tools/bench/claims/stack.mjs -- \
 *     node -r @swc-node/register tools/bench/claims/create.bench.ts [--appointments 10000] [--clients 200]
 *
 * Setup (not timed): a group practice billing as the organization, a clinician, CLIENTS clients
 * with a primary policy and an authorization each, through the API. The appointments are written
 * straight into the claims schema (one INSERT per 1,000 rows): the bench measures claims, and
 * 10,000 POSTs of appointments would only measure the appointment route. Timed: the appointments
 * sent in requests of 1,000 (`period: appointment`, so 10,000 claims), CONCURRENCY requests at a
 * time; then one 837P of 500 of those claims (the most one file holds). Besides wall time it prints
 * the CPU seconds each app spent on the timed requests (cpu.ts): on a machine shared with other
 * jobs that is the figure to compare between two builds (`stack.mjs --dist <dir>`). */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { appCpuSeconds, cpuSpent } from './cpu';

const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const APPOINTMENTS = arg('--appointments', 10_000);
const CLIENTS = arg('--clients', 200);
const BATCH = 1000;
const CONCURRENCY = arg('--concurrency', 1);
/** `--no-authorizations`: the same claims without an authorization to consume (to see what consuming costs). */
const AUTHORIZATIONS = !process.argv.includes('--no-authorizations');
const API = `${process.env['API_URL']}/api/v1`;
const log = (m: string) => console.error(`[bench] ${m}`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const address = { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' };

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

async function limited<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

async function main() {
  const login = await fetch(`${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: process.env['E2E_STAFF_EMAIL'],
      password: process.env['E2E_STAFF_PASSWORD'],
    }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const practice = await call(token, 'POST', '/practices', {
    type: 'group',
    name: `Bench Claims ${randomUUID().slice(0, 8)}`,
    phone: '5125550100',
    address,
  });
  const practiceId: string = practice.id;
  await call(token, 'PUT', `/practices/${practiceId}/billing-profile`, {
    version: 0,
    billAs: 'organization',
    organizationNpi: '1245319599',
    taxId: { kind: 'ein', value: '12-3456789' },
    taxonomyCode: '1041C0700X',
    billingAddress: { ...address, line2: 'Suite 300', zip: '78701-4042' },
    serviceFacilityLocation: false,
  });
  const clinician = await call(token, 'POST', `/practices/${practiceId}/team-members`, {
    firstName: 'Robin',
    lastName: 'Hale',
    email: `robin${randomUUID().slice(0, 8)}@bench.test`,
    role: 'clinician',
    credentials: ['LCSW'],
    taxonomyCode: '1041C0700X',
    npi: '1234567893',
  });
  const payers = await call(token, 'GET', '/payers?search=aetna');
  const payer = payers.items.find(
    (p: { claimFilingEnrollmentRequired: boolean }) => !p.claimFilingEnrollmentRequired,
  );
  const perClient = Math.ceil(APPOINTMENTS / CLIENTS);
  const clientIds: string[] = new Array(CLIENTS);
  log(`setup: ${CLIENTS} clients with a policy and an authorization of ${perClient} visits…`);
  await limited([...Array(CLIENTS).keys()], 8, async (_, i) => {
    const client = await call(token, 'POST', `/practices/${practiceId}/clients`, {
      firstName: 'Ada',
      lastName: `Bench${i}`,
      birthDate: '1985-04-12',
      sex: 'F',
      phone: '5125550101',
      address,
    });
    const policy = await call(token, 'POST', `/practices/${practiceId}/clients/${client.id}/policies`, {
      order: 'primary',
      payerId: payer.id,
      memberId: `W${String(100000000 + i)}`,
      relationship: 'self',
    });
    if (AUTHORIZATIONS)
      await call(token, 'POST', `/practices/${practiceId}/policies/${policy.id}/authorizations`, {
        number: `PA-BENCH-${i}`,
        usesAuthorized: perClient,
        validFrom: day(-(perClient + 10)),
        validTo: day(30),
      });
    clientIds[i] = client.id;
  });

  log(`setup: ${APPOINTMENTS} appointments written to the claims schema…`);
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  await db.connect();
  const appointmentIds: string[] = [];
  for (let start = 0; start < APPOINTMENTS; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, APPOINTMENTS - start) }, (_, k) => {
      const n = start + k;
      return { id: randomUUID(), clientId: clientIds[n % CLIENTS], date: day(-1 - Math.floor(n / CLIENTS)) };
    });
    appointmentIds.push(...rows.map((r) => r.id));
    await db.query(
      `INSERT INTO claims.appointment (id, practice_id, client_id, rendering_team_member_id, rendering_npi,
         service_date, start_time, minutes, location_id, place_of_service, diagnoses, attendance, billing_type, version)
       SELECT u.id, $1, u.client_id, $2, '1234567893', u.service_date, '09:00', 53, NULL, '10', '{F4310}', 'attended', 'insurance', 1
         FROM unnest($3::uuid[], $4::uuid[], $5::date[]) AS u(id, client_id, service_date)`,
      [practiceId, clinician.id, rows.map((r) => r.id), rows.map((r) => r.clientId), rows.map((r) => r.date)],
    );
    await db.query(
      `INSERT INTO claims.appointment_line (appointment_id, position, procedure, modifiers, units, fee_cents, fee_source, diagnosis_pointers)
       SELECT u.id, 0, '90837', '{95}', 1, 16000, 'override', '{1}' FROM unnest($1::uuid[]) AS u(id)`,
      [rows.map((r) => r.id)],
    );
  }
  await db.end();

  const batches: string[][] = [];
  for (let i = 0; i < appointmentIds.length; i += BATCH) batches.push(appointmentIds.slice(i, i + BATCH));
  log(
    `timed: ${batches.length} requests of ${BATCH} appointments, ${CONCURRENCY} at a time (load ${loadavg()[0].toFixed(1)})…`,
  );
  const claimIds: string[] = [];
  const statuses = new Map<string, number>();
  const latencies: number[] = [];
  const cpuBefore = appCpuSeconds();
  const started = performance.now();
  await limited(batches, CONCURRENCY, async (batch) => {
    const t = performance.now();
    const result = await call(token, 'POST', `/practices/${practiceId}/claims`, {
      appointmentIds: batch,
      period: 'appointment',
    });
    latencies.push(performance.now() - t);
    for (const c of result.claims) {
      claimIds.push(c.id);
      statuses.set(c.status, (statuses.get(c.status) ?? 0) + 1);
    }
    if (result.notClaimed.length) log(`not claimed: ${JSON.stringify(result.notClaimed.slice(0, 3))}`);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSpent(cpuBefore, appCpuSeconds());

  const x12Start = performance.now();
  const res = await fetch(`${API}/practices/${practiceId}/claims/837p`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ claimIds: claimIds.slice(0, 500) }),
  });
  const x12 = await res.text();
  const x12Seconds = (performance.now() - x12Start) / 1000;

  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        appointments: APPOINTMENTS,
        authorizations: AUTHORIZATIONS,
        clients: CLIENTS,
        claims: claimIds.length,
        statuses: Object.fromEntries(statuses),
        seconds: Number(seconds.toFixed(2)),
        claimsPerSecond: Math.round(claimIds.length / seconds),
        requestMs: {
          median: Math.round(latencies[latencies.length >> 1]),
          max: Math.round(latencies.at(-1) ?? 0),
        },
        // CPU the apps spent on the timed requests (independent of how busy the machine was).
        cpuSeconds: cpu,
        cpuMsPerClaim: claimIds.length ? Number(((cpu['total'] * 1000) / claimIds.length).toFixed(2)) : null,
        x12: { claims: 500, status: res.status, bytes: x12.length, seconds: Number(x12Seconds.toFixed(2)) },
        loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
