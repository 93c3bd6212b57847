#!/usr/bin/env node
// Document uploads through the gateway: 100 files of 5 MB, 10 at a time, as multipart forms →
// gateway (JWT, scope, linked-client check, busboy) → JetStream transfer bucket → documents-service
// (type by the bytes, SHA-256, AES-256-GCM, local disk, a preview for images) → back. Starts its
// own stack on a fresh database, private event streams, its own transfer bucket and documents
// directory; prints throughput (MB/s, files/s), p50/p99 latency and the peak RSS of the gateway
// and documents-service (sampled from /proc every 20 ms). Not a test.
//
//   node tools/bench/documents/upload.mjs [--files 100] [--mb 5] [--concurrency 10] [--type mixed|png|pdf] [--no-build]
//
// The files are random bytes made valid as the service needs them: a PNG is a real image of
// random pixels stored without compression (so ~5 MB, decodable, previewed), a PDF is a header,
// random text in comment lines and the end marker. `mixed` alternates them. They are generated
// before the clock starts; the bench process's own memory is not measured.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { connect } from 'nats';
import { APPS } from '../../scripts/lib/apps.mjs';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureNats,
  ensurePostgres,
} from '../../scripts/lib/infra.mjs';
import { findFreePort, stopAll } from '../../scripts/lib/procs.mjs';
import { migrate, nx, stackEnv, startApps } from '../../scripts/lib/stack.mjs';
import { DEMO, localSecrets } from '../../scripts/lib/secrets.mjs';
import { seedDemo } from '../../scripts/lib/seed.mjs';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, fallback) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const FILES = Number(arg('--files', 100)) || 100;
const SIZE = Math.round((Number(arg('--mb', 5)) || 5) * 1024 * 1024);
const CONCURRENCY = Number(arg('--concurrency', 10)) || 10;
const TYPE = arg('--type', 'mixed');
const MB = 1024 * 1024;
const log = (m) => console.error(`[bench] ${m}`);

function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    rss: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024,
    hwm: Number(/VmHWM:\s+(\d+)/.exec(status)[1]) * 1024,
  };
}

/** A real PNG of random RGB pixels, stored (deflate level 0) so it is about `size` bytes. */
function png(size) {
  const side = Math.floor(Math.sqrt(size / 3));
  const row = 1 + side * 3;
  const raw = randomBytes(row * side);
  for (let y = 0; y < side; y++) raw[y * row] = 0; // filter: none
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PDF of exactly `size` bytes: header, comment lines of random text, end marker. */
function pdf(size) {
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const body = Buffer.from(
    randomBytes(size)
      .toString('base64')
      .slice(0, size - head.length - tail.length),
    'latin1',
  );
  for (let i = 0; i < body.length; i += 80) body[i] = 0x25;
  return Buffer.concat([head, body, tail]);
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function call(base, method, path, token, body) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const pg = await ensurePostgres({ root, log });
const nats = await ensureNats({ root, log });
const id = randomBytes(4).toString('hex');
const db = `claimline_bench_${id}`;
const bucket = `bench-${id}-transfer`;
const documentsDir = mkdtempSync(join(tmpdir(), 'claimline-bench-documents-'));
let mail;
try {
  await ensureDatabase(pg.url, db);
  if (!process.argv.includes('--no-build'))
    await nx(root, ['run-many', '-t', 'build', '-p', APPS.join(','), '--output-style=stream']);
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
    events: {
      subjectPrefix: `bench${id}.events`,
      streamPrefix: `BENCH${id.toUpperCase()}`,
      rpcPrefix: `bench${id}.rpc.`,
      transferBucket: bucket,
    },
  });
  env.RATE_LIMIT_PER_MINUTE = '100000000';
  env.DOCUMENTS_DIR = documentsDir;
  await migrate(root, env);
  const { base, procs } = await startApps(root, env);
  const { practice } = await seedDemo(base, secrets);
  const staff = (
    await call(base, 'POST', '/auth/login', undefined, { email: DEMO.staff, password: secrets.staffPassword })
  ).accessToken;
  const client = await call(base, 'POST', `/practices/${practice.id}/clients`, staff, {
    firstName: 'Bench',
    lastName: `Cardholder ${id}`,
    birthDate: '1980-01-01',
    billingType: 'insurance',
  });

  log(`generating ${FILES} files of ${(SIZE / MB).toFixed(1)} MB (${TYPE})…`);
  const files = Array.from({ length: FILES }, (_, i) => {
    const kind = TYPE === 'mixed' ? (i % 2 === 0 ? 'png' : 'pdf') : TYPE;
    const data = kind === 'png' ? png(SIZE) : pdf(SIZE);
    return { kind, data, name: `bench-${i}.${kind}`, type: kind === 'png' ? 'image/png' : 'application/pdf' };
  });
  const totalBytes = files.reduce((n, f) => n + f.data.length, 0);

  const watched = Object.fromEntries(
    ['gateway', 'documents'].map((name) => [name, procs.find((p) => p.name === name).child.pid]),
  );
  const upload = async (file) => {
    const form = new FormData();
    form.append('linkedType', 'client');
    form.append('linkedId', client.id);
    form.append('kind', file.kind === 'png' ? 'insurance_card_front' : 'eob');
    form.append('file', new Blob([file.data], { type: file.type }), file.name);
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/practices/${practice.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}` },
      body: form,
    });
    const body = await res.json();
    const ms = performance.now() - started;
    if (res.status !== 201)
      throw new Error(`upload of ${file.name} answered ${res.status}: ${JSON.stringify(body)}`);
    return { ms, kind: file.kind, preview: body.preview };
  };

  // warm-up (not counted): one of each kind
  for (const file of files.slice(0, 2)) await upload({ ...file, name: `warm.${file.kind}` });
  await new Promise((r) => setTimeout(r, 1000));

  const idle = Object.fromEntries(Object.entries(watched).map(([name, pid]) => [name, rss(pid).rss]));
  const peak = { ...idle };
  const sampler = setInterval(() => {
    for (const [name, pid] of Object.entries(watched)) peak[name] = Math.max(peak[name], rss(pid).rss);
  }, 20);

  log(`uploading ${FILES} files, ${CONCURRENCY} at a time…`);
  const results = new Array(FILES);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, FILES) }, async () => {
      while (next < FILES) {
        const i = next++;
        results[i] = await upload(files[i]);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const hwm = Object.fromEntries(Object.entries(watched).map(([name, pid]) => [name, rss(pid).hwm]));

  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const byKind = (kind) =>
    results
      .filter((r) => r.kind === kind)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
  const row = (label, list) => ({
    files: label,
    count: list.length,
    'p50 ms': percentile(list, 50)?.toFixed(0),
    'p99 ms': percentile(list, 99)?.toFixed(0),
    'max ms': list.at(-1)?.toFixed(0),
  });
  console.log(
    `\n${FILES} uploads of ${(SIZE / MB).toFixed(1)} MB (${TYPE}), ${CONCURRENCY} at a time, multipart through the gateway (link check, busboy, transfer bucket, type, SHA-256, AES-256-GCM, disk${TYPE !== 'pdf' ? ', previews' : ''})`,
  );
  console.log(
    `throughput: ${(totalBytes / MB / seconds).toFixed(1)} MB/s, ${(FILES / seconds).toFixed(2)} files/s (${seconds.toFixed(1)} s in all)`,
  );
  console.table([
    row('all', latencies),
    ...(TYPE === 'mixed' ? [row('png (previewed)', byKind('png')), row('pdf', byKind('pdf'))] : []),
  ]);
  console.table(
    Object.keys(watched).map((name) => ({
      process: name,
      'idle RSS MB': (idle[name] / MB).toFixed(0),
      'peak RSS MB (during)': (peak[name] / MB).toFixed(0),
      'growth MB': ((peak[name] - idle[name]) / MB).toFixed(0),
      'VmHWM MB (since start)': (hwm[name] / MB).toFixed(0),
    })),
  );
  const previews = results.filter((r) => r.preview).length;
  console.log(`previews made: ${previews}; machine: ${(await import('node:os')).cpus().length} CPUs`);
} finally {
  await mail?.stop();
  await stopAll();
  const nc = await connect({ servers: nats.url, ...nats.operatorAuth }).catch(() => undefined);
  if (nc) {
    await (await nc.jetstream().views.os(bucket)).destroy().catch(() => undefined);
    await nc.close();
  }
  rmSync(documentsDir, { recursive: true, force: true });
  await dropDatabase(pg.url, db).catch(() => undefined);
  await nats.stop();
  await pg.stop();
}
