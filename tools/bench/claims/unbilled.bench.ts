/* The unbilled list through the gateway at practice scale: 10,000 attended insurance appointments
 * over 200 clients, walked page by page (HTTP → gateway: JWT, scope, audit row → NATS →
 * claims-service: keyset page on the partial index → one bulk call per kind to client-insurance
 * and practice-settings → back). Runs inside the private claims stack (which gives it API_URL,
 * NATS_URL and the logins, and cleans up); prints p50/p99 per page. Not a test. From the
 * repository root:
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json RATE_LIMIT_PER_MINUTE=100000000 node tools/bench/claims/stack.mjs [--no-build] -- \
 *     node -r @swc-node/register tools/bench/claims/unbilled.bench.ts [--appointments 10000] [--clients 200] [--limit 50]
 *
 * The practice is filled over NATS with the billing-staff assertion the gateway would sign (the
 * services' own validation, transactions and outboxes, without the HTTP layer): 200 clients (every
 * tenth without a phone), each with a primary Aetna policy, every fifth of those with an
 * authorization that ended before most sessions; then the appointments, 16 in flight.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { connect } from 'nats';
import { userPrincipal, type Actor } from '../../../libs/contracts/common/src/index';
import { AssertionSigner, parseSigningKey } from '../../../libs/backend/util-auth/src/index';
import { RpcClient } from '../../../libs/backend/util-nats/src/index';
import { appCpuSeconds, cpuSpent } from './cpu';

// The stack's scripts are native ES modules; this file is compiled to CommonJS, whose `import()`
// would become `require()`: keep a real dynamic import.
const importEsm = new Function('p', 'return import(p)') as <T>(path: string) => Promise<T>;

/* eslint-disable @typescript-eslint/no-explicit-any -- the stack scripts are untyped JavaScript */
const root = join(__dirname, '../../..');
const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) || fallback : fallback;
const APPOINTMENTS = arg('--appointments', 10_000);
const CLIENTS = arg('--clients', 200);
const LIMIT = arg('--limit', 50);
const log = (m: string) => console.error(`[bench] ${m}`);

async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
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

function quantiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5).toFixed(1), p99: at(0.99).toFixed(1), max: s[s.length - 1].toFixed(1) };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A date of service in FY2026 (the ICD-10-CM release the reference data ships). */
function serviceDate(i: number): string {
  const d = new Date(Date.UTC(2025, 9, 1) + (i % 360) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function main() {
  const secretsLib = await importEsm<any>(join(root, 'tools/scripts/lib/secrets.mjs'));
  const base = process.env['API_URL'];
  const natsUrl = process.env['NATS_URL'];
  if (!base || !natsUrl) throw new Error('run me inside tools/bench/claims/stack.mjs (API_URL, NATS_URL)');
  const id = randomBytes(4).toString('hex');
  let nc: any;
  try {
    nc = await connect({ servers: natsUrl, name: `bench-${id}` });
    // The stack's secrets: the gateway's signing key, which the services trust.
    const secrets = secretsLib.localSecrets(root);

    const http = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json().catch(() => undefined);
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const staff = (
      await http('POST', '/auth/login', undefined, {
        email: process.env['E2E_STAFF_EMAIL'],
        password: process.env['E2E_STAFF_PASSWORD'],
      })
    ).accessToken;
    const practice = await http('POST', '/practices', staff, {
      type: 'group',
      name: `Unbilled Bench ${id}`,
      phone: '(512) 555-0190',
      address: { line1: '700 Lavaca St', city: 'Austin', state: 'TX', zip: '78701' },
    });
    const clinician = await http('POST', `/practices/${practice.id}/team-members`, staff, {
      firstName: 'Robin',
      lastName: 'Hale',
      email: `robin.${id}@bench.test`,
      role: 'clinician',
      credentials: ['LCSW'],
      taxonomyCode: '1041C0700X',
      npi: '1234567893',
    });
    const me = await http('GET', '/auth/me', staff);
    const actor: Actor = { userId: me.id, role: me.role, practiceIds: me.practiceIds };
    // Signed as the gateway signs, with the stack's gateway key (the services trust it).
    const signer = new AssertionSigner(
      'api-gateway',
      parseSigningKey(secrets.rpcKeys['api-gateway'].privateKey),
    );
    // The claims stack has no RPC subject prefix.
    const rpc = new RpcClient<any>(nc, 30_000, '', signer);
    // A busy machine may time a request out (the guard's practice check included): try it again.
    const send = async (subject: string, data: unknown, attempts = 3): Promise<any> => {
      try {
        return await rpc.send(subject, data, { principal: userPrincipal(actor), requestId: randomUUID() });
      } catch (error) {
        const code = (error as { code?: string }).code;
        // On a machine this busy, a pool may also give out (`internal`): the fill is idempotent enough to retry.
        if (attempts > 1 && (code === 'timeout' || code === 'unavailable' || code === 'internal'))
          return send(subject, data, attempts - 1);
        throw error;
      }
    };

    const aetna = (await http('GET', '/payers?search=aetna', staff)).items[0];
    log(`creating ${CLIENTS} clients with a primary policy over NATS…`);
    let t0 = performance.now();
    const clients = await pool(CLIENTS, 16, async (i) => {
      const client = await send('client-insurance.client.create', {
        practiceId: practice.id,
        firstName: 'Ada',
        lastName: `Client${pad(i, 4)}`,
        birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        sex: i % 2 ? 'F' : 'M',
        ...(i % 10 !== 0 && { phone: `512555${pad(i, 4)}` }),
        address: { line1: `${100 + i} Congress Ave`, city: 'Austin', state: 'TX', zip: '78701' },
        billingType: 'insurance',
      });
      const policy = await send('client-insurance.policy.create', {
        practiceId: practice.id,
        clientId: client.id,
        order: 'primary',
        payerId: aetna.id,
        memberId: `W${pad(i, 9)}`,
        relationship: 'self',
      });
      if (i % 5 === 0)
        await send('client-insurance.authorization.create', {
          practiceId: practice.id,
          policyId: policy.id,
          number: `PA-${pad(i, 4)}`,
          usesAuthorized: 20,
          validFrom: '2025-10-01',
          validTo: '2026-01-31',
        });
      return client.id as string;
    });
    log(`  in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    log(`creating ${APPOINTMENTS} appointments over NATS (claims.appointment.create, 16 in flight)…`);
    t0 = performance.now();
    await pool(APPOINTMENTS, 16, (i) =>
      send('claims.appointment.create', {
        practiceId: practice.id,
        clientId: clients[i % CLIENTS],
        renderingTeamMemberId: clinician.id,
        serviceDate: serviceDate(Math.floor(i / CLIENTS) * 7 + (i % 7)),
        startTime: `${pad(8 + (i % 9), 2)}:00`,
        minutes: 53,
        placeOfService: '10',
        diagnoses: ['F43.10'],
        lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 16000, diagnosisPointers: [1] }],
        attendance: 'attended',
        billingType: 'insurance',
      }),
    );
    const fillSeconds = (performance.now() - t0) / 1000;
    log(`  in ${fillSeconds.toFixed(1)} s (${(APPOINTMENTS / fillSeconds).toFixed(0)}/s)`);

    const timed = async (path: string) => {
      const start = performance.now();
      const page = await http('GET', path, staff);
      return { page, ms: performance.now() - start };
    };
    /** Walks a list to its end, one page in flight, and times every page. */
    const walk = async (path: string) => {
      const ms: number[] = [];
      let items = 0;
      let ready = 0;
      let cursor: string | null = null;
      do {
        const sep = path.includes('?') ? '&' : '?';
        const r: { page: any; ms: number } = await timed(
          `${path}${sep}limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        ms.push(r.ms);
        items += r.page.items.length;
        ready += r.page.items.filter((x: any) => x.ready).length;
        cursor = r.page.nextCursor;
      } while (cursor);
      return { ms, items, ready };
    };

    const list = `/practices/${practice.id}/unbilled-appointments`;
    await walk(list); // warm-up: connections, plans, JIT
    const loadBefore = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    const rows: Record<string, unknown>[] = [];
    const measure = async (what: string, path: string) => {
      const before = appCpuSeconds();
      const r = await walk(path);
      // CPU all the apps spent per page (independent of how busy the machine was).
      const cpu = cpuSpent(before, appCpuSeconds());
      rows.push({
        list: what,
        items: r.items,
        ready: r.ready,
        pages: r.ms.length,
        ...quantiles(r.ms),
        cpuMsPerPage: ((cpu['total'] * 1000) / r.ms.length).toFixed(1),
      });
    };
    await measure('practice, every page', list);
    await measure('practice, readiness=missing_info', `${list}?readiness=missing_info`);
    await measure('practice, readiness=ready', `${list}?readiness=ready`);
    await measure('practice, payer filter', `${list}?payerId=${aetna.id}`);
    await measure('practice, one month', `${list}?from=2026-03-01&to=2026-03-31`);
    await measure('across my practices', `/unbilled-appointments`);
    // claims-service alone (its NATS RPC as the gateway sends it, one in flight): the gateway's share is the rest.
    {
      const ms: number[] = [];
      let cursor: string | undefined;
      do {
        const start = performance.now();
        const page = await send('claims.unbilled.list', {
          practiceIds: [practice.id],
          limit: LIMIT,
          ...(cursor && { cursor }),
        });
        ms.push(performance.now() - start);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      rows.push({
        list: 'practice, NATS RPC only',
        items: APPOINTMENTS,
        ready: '',
        pages: ms.length,
        ...quantiles(ms),
      });
    }

    console.log(
      `\nUnbilled list through the gateway as billing staff (JWT, scope, audit row, NATS, claims + bulk reads), ` +
        `${APPOINTMENTS} appointments over ${CLIENTS} clients, ${LIMIT} per page, one page in flight; ms per page`,
    );
    console.table(rows);
    console.log(`fill: ${APPOINTMENTS} appointments over NATS in ${fillSeconds.toFixed(1)} s`);
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadBefore} (1/5/15 min) before measuring, after ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    await nc?.close().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
