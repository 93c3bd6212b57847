/* Micro benchmark for libs/claims: scrubbing 10,000 claims, mapping and writing one 837P batch of
 * 10,000 claims, rendering 100 CMS-1500 PDFs. Not part of the test suite. From the repository root:
 *   npm run bench:claims   (SWC_NODE_PROJECT=tsconfig.base.json: the library imports its neighbours by path alias)
 * Each case runs a warm-up, then RUNS times; the median is printed. */
import { performance } from 'node:perf_hooks';
import {
  buildClaimBatch837,
  type ClaimSnapshot,
  lineControlNumber,
  patientControlNumber,
  renderCms1500,
  scrubClaim,
  writeClaims837,
} from '../../../libs/claims/src/index';
import { write837p } from '../../../libs/x12/src/index';
import { CONFIG, CONTEXT, line, snapshot } from '../../../libs/claims/test/snapshots';

const RUNS = 5;
const CLAIMS = 10_000;
const PDFS = 100;

/** Claims of one billing provider with 1 to 4 lines each, as a month of weekly sessions gives. */
function claims(count: number): ClaimSnapshot[] {
  return Array.from({ length: count }, (_, i) => {
    const pcn = patientControlNumber(i + 1);
    const lines = Array.from({ length: (i % 4) + 1 }, (_, n) =>
      line(pcn, n + 1, {
        appointmentId: `appt-${i}-${n}`,
        serviceDate: `2026-09-${String(4 + n * 7).padStart(2, '0')}`,
        lineControlNumber: lineControlNumber(pcn, n + 1),
      }),
    );
    return snapshot(i + 1, {
      sources: { ...snapshot().sources, clientId: `client-${i}`, policyId: `policy-${i}` },
      subscriber: { ...snapshot().subscriber, memberId: `XJ${String(10_000_000 + i)}` },
      lines,
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(name: string, run: () => unknown | Promise<unknown>, unit: string, count: number) {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  const m = median(ms);
  console.log(
    `${name.padEnd(44)} median ${(m / 1000).toFixed(3).padStart(7)} s  (${Math.round((count / m) * 1000).toLocaleString('en-US')} ${unit}/s; runs ${ms.map((v) => (v / 1000).toFixed(2)).join(', ')})`,
  );
  return m;
}

async function main() {
  const snapshots = claims(CLAIMS);
  const header = { batchId: 'BENCH', createdAt: new Date('2026-10-15T16:00:00Z') };
  let findings = 0;
  await time(
    `scrubClaim × ${CLAIMS.toLocaleString('en-US')}`,
    () => {
      findings = 0;
      for (const s of snapshots) findings += scrubClaim(s, CONTEXT).length;
    },
    'claims',
    CLAIMS,
  );
  let bytes = 0;
  let written = 0;
  const write = await time(
    `writeClaims837: 1 batch of ${CLAIMS.toLocaleString('en-US')} claims`,
    () => {
      const result = writeClaims837(snapshots, CONFIG, header);
      bytes = result.x12?.length ?? 0;
      written = result.written.length;
    },
    'claims',
    CLAIMS,
  );
  // The same work in its two parts: what this library adds (mapping) and the x12 writer.
  let batch = buildClaimBatch837(snapshots, CONFIG, header);
  await time(
    `  of which buildClaimBatch837 (mapping)`,
    () => (batch = buildClaimBatch837(snapshots, CONFIG, header)),
    'claims',
    CLAIMS,
  );
  await time(`  of which write837p (x12 writer)`, () => write837p(batch), 'claims', CLAIMS);
  let pdfBytes = 0;
  await time(
    `renderCms1500 × ${PDFS} (full form)`,
    async () => {
      pdfBytes = 0;
      for (const s of snapshots.slice(0, PDFS))
        pdfBytes += (await renderCms1500(s, { variant: 'full' })).length;
    },
    'PDFs',
    PDFS,
  );
  await time(
    `renderCms1500 × ${PDFS} (data only)`,
    async () => {
      for (const s of snapshots.slice(0, PDFS)) await renderCms1500(s, { variant: 'data' });
    },
    'PDFs',
    PDFS,
  );
  console.log(
    `findings on the clean claims: ${findings}; 837P: ${written.toLocaleString('en-US')} claims written, ${(bytes / 1e6).toFixed(1)} MB; ` +
      `PDFs: ${Math.round(pdfBytes / PDFS / 1024)} KB each; 837P target < 1 s: ${write < 1000 ? 'met' : 'missed'}`,
  );
  if (findings !== 0 || written !== CLAIMS) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
