/* Benchmark for libs/x12: reading a large 835 against node-x12 and x12-parser, and writing 10,000 claims.
 * Run from the repository root:  node -r @swc-node/register tools/bench/x12/x12.bench.ts [sizeMB]
 * Each reader runs in its own child process so that peak RSS belongs to that reader alone. */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { readSegmentBatches, readSegments, stream835, write837p } from '../../../libs/x12/src/index';
import { batch, claim } from '../../../libs/x12/test/claims';

const FIXTURES = join(__dirname, '../../../libs/x12/test/fixtures/835');
const SAMPLES = ['managed-care.835', 'profee.edi', 'cob-contractural-adjustment.835'];

interface CaseResult {
  name: string;
  seconds: number;
  segments: number;
  claims: number;
  findings?: number;
  maxRssMB: number;
  /** Peak RSS above the RSS at the start of the case: the reader's own memory, without node and the TypeScript loader. */
  readerMB: number;
}

/** managed-care.835 with every claim paid one cent more: unbalanced claims and payment, so findings. */
function unbalanced(): string {
  return readFileSync(join(FIXTURES, 'managed-care.835'), 'utf8').replace(
    /CLP\*([^*]+)\*([^*]+)\*([^*]+)\*(\d+)\.(\d\d)\*/g,
    (_m, id, st, charge, whole, cents) =>
      `CLP*${id}*${st}*${charge}*${whole}.${String(+cents + 1).padStart(2, '0')}*`,
  );
}

function makeFile(sizeMB: number): { path: string; claims: number } {
  const unit = [...SAMPLES.map((f) => readFileSync(join(FIXTURES, f), 'utf8')), unbalanced()].join('\n');
  const perUnit = (unit.match(/~\s*CLP\*/g) ?? []).length;
  const reps = Math.ceil((sizeMB * 1024 * 1024) / unit.length);
  const path = `/tmp/claimline-x12-bench-findings-${sizeMB}mb.835`;
  if (!existsSync(path) || statSync(path).size !== unit.length * reps + reps - 1) {
    // written unit by unit: a 1 GB file is longer than the longest string node can build
    const fd = openSync(path, 'w');
    for (let i = 0; i < reps; i++) writeSync(fd, i ? '\n' + unit : unit);
    closeSync(fd);
  }
  return { path, claims: perUnit * reps };
}

const chunked = (path: string) => createReadStream(path, { highWaterMark: 1 << 16 });

async function runCase(name: string, path: string): Promise<Omit<CaseResult, 'maxRssMB'>> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  sampler.unref();
  const t0 = process.hrtime.bigint();
  let segments = 0;
  let claims = 0;
  let findings: number | undefined;
  if (name === 'x12 segments+elements (batches)') {
    // touches every segment's elements, as the other parsers split them all
    for await (const batch of readSegmentBatches(chunked(path))) {
      for (const s of batch) {
        segments++;
        if (s.fields[0] === 'CLP') claims++;
      }
    }
  } else if (name === 'x12 segments (one by one)') {
    for await (const s of readSegments(chunked(path))) {
      segments++;
      if (s.id === 'CLP') claims++;
    }
  } else if (name === 'x12 read835 typed (stream)') {
    findings = 0;
    for await (const e of stream835(chunked(path))) {
      if (e.kind === 'claim') claims++;
      else if (e.kind === 'finding') findings++;
      else if (e.kind === 'error') throw e.error;
    }
  } else if (name === 'node-x12 X12Parser (stream)') {
    const { X12Parser } = require('node-x12');
    await new Promise<void>((resolve, reject) => {
      chunked(path)
        .pipe(new X12Parser())
        .on('data', (s: { tag: string }) => {
          segments++;
          if (s.tag === 'CLP') claims++;
        })
        .on('end', resolve)
        .on('error', reject);
    });
  } else if (name === 'x12-parser X12parser (stream)') {
    const { X12parser } = require('x12-parser');
    await new Promise<void>((resolve, reject) => {
      chunked(path)
        .pipe(new X12parser())
        .on('data', (s: { name: string }) => {
          segments++;
          if (s.name === 'CLP') claims++;
        })
        .on('end', resolve)
        .on('error', reject);
    });
  } else throw new Error(`unknown case ${name}`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { name, seconds, segments, claims, findings, readerMB: (peak - start) / (1024 * 1024) };
}

function writeBench(): { bestMs: number; medianMs: number; bytes: number; claims: number; maxRssMB: number } {
  const child = {
    relationship: '19',
    lastName: 'Doe',
    firstName: 'Tim',
    address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
    birthDate: '2014-06-01',
    gender: 'M',
  } as const;
  const claims = Array.from({ length: 10_000 }, (_, i) =>
    claim(`CLM${String(i).padStart(6, '0')}`, {
      patient: i % 3 === 0 ? child : undefined,
      placeOfService: i % 2 ? '10' : '11',
      priorAuthorization: i % 5 === 0 ? `PA${i}` : undefined,
      lines: Array.from({ length: 1 + (i % 4) }, (_, j) => ({
        procedure: ['90837', '90834', '90785', '90846'][j],
        modifiers: i % 2 ? ['95'] : [],
        charge: 10000 + j * 1525,
        units: 1,
        serviceDate: '2026-02-20',
        diagnosisPointers: [1, 2],
        lineId: `L${i}-${j}`,
      })),
    }),
  );
  const input = batch(claims);
  write837p(input); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    const out = write837p(input);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (out.rejected.length) throw new Error(`bench claims rejected: ${out.rejected[0].problems[0].message}`);
    bytes = out.x12?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return {
    bestMs: times[0],
    medianMs: times[3],
    bytes,
    claims: claims.length,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

const CASES = [
  'x12 segments+elements (batches)',
  'x12 segments (one by one)',
  'x12 read835 typed (stream)',
  'node-x12 X12Parser (stream)',
  'x12-parser X12parser (stream)',
];

async function main(): Promise<void> {
  const [, , arg, casePath] = process.argv;
  if (arg === '--case') {
    const r = await runCase(process.argv[4], casePath);
    process.stdout.write(JSON.stringify({ ...r, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
    return;
  }
  if (arg === '--write') {
    process.stdout.write(JSON.stringify(writeBench()) + '\n');
    return;
  }
  const sizeMB = Number(arg ?? 100);
  const file = makeFile(sizeMB);
  const mb = statSync(file.path).size / (1024 * 1024);
  console.log(
    `node ${process.version}; 835 input ${file.path}: ${mb.toFixed(1)} MB, ${file.claims} claims\n`,
  );
  const results: CaseResult[] = [];
  for (const name of CASES) {
    // the typed stream keeps neither claims nor findings: it must fit in a small heap
    const heap = name.includes('stream835') || name.includes('read835') ? ['--max-old-space-size=96'] : [];
    const child = spawnSync(
      process.execPath,
      [...heap, ...process.execArgv, __filename, '--case', file.path, name],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) {
      console.log(`${name}: failed\n${child.stderr}`);
      continue;
    }
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!));
  }
  console.log(
    'reader                             time s    MB/s   claims/s   segments    claims   findings   peak RSS MB   reader MB',
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(34)} ${r.seconds.toFixed(2).padStart(6)} ${(mb / r.seconds).toFixed(1).padStart(7)} ${Math.round(
        r.claims / r.seconds,
      )
        .toString()
        .padStart(
          10,
        )} ${String(r.segments || '-').padStart(10)} ${String(r.claims).padStart(9)} ${String(r.findings ?? '-').padStart(10)} ${r.maxRssMB.toFixed(0).padStart(12)} ${r.readerMB.toFixed(0).padStart(11)}`,
    );
  }
  const ours = results.find((r) => r.name.startsWith('x12 segments+elements'));
  const others = results.filter((r) => !r.name.startsWith('x12 '));
  if (ours && others.length) {
    const fastest = others.reduce((a, b) => (a.seconds < b.seconds ? a : b));
    console.log(
      `\nx12 segments+elements vs fastest other (${fastest.name}): ${(fastest.seconds / ours.seconds).toFixed(1)}x`,
    );
    for (const r of results.filter((x) => x.name.startsWith('x12 ') && x !== ours))
      console.log(`${r.name} vs fastest other: ${(fastest.seconds / r.seconds).toFixed(1)}x`);
  }
  const w = spawnSync(process.execPath, [...process.execArgv, __filename, '--write'], { encoding: 'utf8' });
  if (w.status !== 0) console.log(`write failed\n${w.stderr}`);
  else {
    const r = JSON.parse(w.stdout.trim().split('\n').pop()!);
    console.log(
      `\nwrite837p ${r.claims} claims: best ${r.bestMs.toFixed(0)} ms, median ${r.medianMs.toFixed(0)} ms (${Math.round(r.claims / (r.medianMs / 1000))} claims/s), ${(r.bytes / 1024 / 1024).toFixed(1)} MB output, peak RSS ${r.maxRssMB.toFixed(0)} MB`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
