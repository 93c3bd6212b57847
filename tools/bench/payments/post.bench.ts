/* Benchmark for libs/payments: an 835 of 10,000 claims (written with write835) streamed and
 * planned, and A/R aging over 100,000 claims. Not part of the test suite. From the repository root:
 *   npm run bench:payments   (SWC_NODE_PROJECT=tsconfig.base.json: the library imports its neighbours by path alias)
 * The 835 is written by a child process into /tmp; each planning run is a child process of its own
 * so its peak RSS is its own. Aging runs a warm-up, then RUNS times; medians are printed. */
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type AgingClaim, arAging, planRemittanceStream } from '../../../libs/payments/src/index';
import { stream835 } from '../../../libs/x12/src/index';
import { era, known, pcn, ports, remitClaim, remitLine } from '../../../libs/payments/test/eras';

const CLAIMS = 10_000;
const AGING_CLAIMS = 100_000;
const RUNS = 5;
const WARM_RUNS = 4;
const FILE = join(tmpdir(), `payments-bench-${CLAIMS}.835`);
const DATES = ['2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27'];

/** Claim i has 1–4 weekly 90834 lines; every 10th is denied, every 7th carries a deductible. */
function claimLines(i: number): number {
  return (i % 4) + 1;
}

function knownClaims() {
  return Array.from({ length: CLAIMS }, (_, k) => {
    const i = k + 1;
    return known(
      i,
      Array.from(
        { length: claimLines(i) },
        (_, n) => ['90834', [], DATES[n], 15000] as [string, string[], string, number],
      ),
    );
  });
}

function writeEra(): void {
  const claims = Array.from({ length: CLAIMS }, (_, k) => {
    const i = k + 1;
    const lines = Array.from({ length: claimLines(i) }, (_, n) => {
      if (i % 10 === 0)
        return remitLine(i, n + 1, '90834', DATES[n], 15000, 0, [
          { group: 'CO', reason: '197', amount: 15000 },
        ]);
      const pr =
        i % 7 === 0 ? { group: 'PR', reason: '1', amount: 2000 } : { group: 'PR', reason: '3', amount: 2000 };
      return remitLine(i, n + 1, '90834', DATES[n], 15000, 9000, [
        { group: 'CO', reason: '45', amount: 4000 },
        pr,
      ]);
    });
    return remitClaim(pcn(i), i % 10 === 0 ? '4' : '1', `PCN-${i}`, lines);
  });
  writeFileSync(FILE, era(claims));
}

/** One process: the first run (cold: code not yet optimised) then `warmRuns` more; the peak RSS is the process's. */
async function planInProcess(warmRuns: number): Promise<void> {
  const claims = knownClaims();
  const port = ports(claims.map((c, k) => [pcn(k + 1), c]));
  const rssBeforeMb = process.memoryUsage().rss / 1048576;
  const times: number[] = [];
  let summary = {};
  for (let run = 0; run <= warmRuns; run++) {
    const start = performance.now();
    // As a service would: each batch's postings go out (to the database) and the plan keeps none.
    let postings = 0;
    let unmatched = 0;
    const r = await planRemittanceStream(stream835(createReadStream(FILE)), port, {
      onPlanned: (p, u) => {
        postings += p.length;
        unmatched += u.length;
      },
    });
    times.push(performance.now() - start);
    if (!r.ok) throw r.error;
    const [t] = r.plan.transactions;
    summary = {
      status: t.status,
      postings,
      unmatched,
      paid: t.results.filter((x) => x.status === 'paid').length,
      balanced: t.accountedAmount === t.paymentAmount,
    };
  }
  console.log(
    JSON.stringify({ ...summary, times, rssBeforeMb, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** The reader alone, to tell its share of the time from the planner's. */
async function readOnce(): Promise<void> {
  const start = performance.now();
  let claims = 0;
  for await (const e of stream835(createReadStream(FILE))) if (e.kind === 'claim') claims++;
  console.log(JSON.stringify({ ms: performance.now() - start, claims }));
}

function agingClaims(): AgingClaim[] {
  const day = (n: number) => new Date(Date.UTC(2026, 11, 1) - n * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: AGING_CLAIMS }, (_, i) => {
    const serviceDate = day(i % 400);
    const paidOn = day(Math.max(0, (i % 400) - 30));
    const events: AgingClaim['events'] =
      i % 3 === 0
        ? []
        : [
            { date: paidOn, kind: 'insurance_payment', amount: 9000 },
            { date: paidOn, kind: 'insurance_adjustment', amount: 4000 },
            { date: paidOn, kind: 'client_responsibility', amount: 2000 },
            ...(i % 2 ? [{ date: paidOn, kind: 'client_payment' as const, amount: 2000 }] : []),
          ];
    return {
      claimId: `c${i}`,
      clientId: `client-${i % 3000}`,
      payerId: `payer-${i % 40}`,
      serviceDate,
      charge: 15000,
      events,
    };
  });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** The last line a child printed, as JSON. */
function lastJson(out: string) {
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function child(...args: string[]): string {
  return execFileSync(process.execPath, [...process.execArgv, __filename, ...args], {
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
}

async function main() {
  const mode = process.argv[2];
  if (mode === 'write') return writeEra();
  if (mode === 'plan') return planInProcess(Number(process.argv[3] ?? 0));
  if (mode === 'read') return readOnce();

  child('write');
  console.log(
    `835 of ${CLAIMS.toLocaleString('en-US')} claims: ${(statSync(FILE).size / 1048576).toFixed(1)} MB (${FILE})`,
  );
  // Cold runs and peak RSS: one run per process. Warm runs: WARM_RUNS more after a first in one process.
  const processes = Array.from({ length: 3 }, () => lastJson(child('plan')));
  const warmProcess = lastJson(child('plan', String(WARM_RUNS)));
  const first = processes[0];
  const cold = processes.map((r) => r.times[0]);
  const warm: number[] = warmProcess.times.slice(1);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `stream835 + planRemittanceStream: first run in a process median ${s(median(cold))} s (${cold.map(s).join(', ')}); ` +
      `later runs in one process median ${s(median(warm))} s (${warm.map(s).join(', ')})`,
  );
  console.log(
    `  status ${first.status}, ${first.postings} postings, ${first.paid} paid, ${first.unmatched} unmatched, balanced ${first.balanced}; ` +
      `RSS with the 10,000 claims of the port in memory ${first.rssBeforeMb.toFixed(0)} MB, peak after one run ${median(processes.map((r) => r.peakRssMb)).toFixed(0)} MB`,
  );
  const reads = Array.from({ length: 3 }, () => lastJson(child('read')));
  console.log(
    `— of which stream835 alone: median ${(median(reads.map((r) => r.ms)) / 1000).toFixed(3)} s (${reads[0].claims} claims)`,
  );

  const claims = agingClaims();
  arAging(claims, '2026-12-01');
  const ms: number[] = [];
  let report = arAging(claims, '2026-12-01');
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    report = arAging(claims, '2026-12-01');
    ms.push(performance.now() - start);
  }
  console.log(
    `arAging over ${AGING_CLAIMS.toLocaleString('en-US')} claims: median ${median(ms).toFixed(1)} ms (runs ${ms
      .map((v) => v.toFixed(1))
      .join(
        ', ',
      )}); ${report.byPayer.length} payers, ${report.byClient.length} clients, days in A/R ${report.daysInAr}, over 90 ${(report.shareOver90 * 100).toFixed(1)}%`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
