/* Clearinghouse round trip: one 837P of 10,000 claims → SFTP upload to our own OpenSSH server →
 * the sandbox answers (validation, 999, 277CA, 835) → SFTP download → our readers. Not part of the
 * test suite. From the repository root (PostgreSQL on TEST_DATABASE_SERVER_URL, sshd installed):
 *   npm run bench:clearinghouse [claims]
 * Prints the time of each stage and claims per second through the whole trip. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  createClearinghouseTables,
  EncryptedDirectoryArchive,
  ReceivedFileEntity,
  SftpConnector,
  SftpTestServer,
  TypeOrmResponseLedger,
  uploadFileName,
} from '../../../libs/backend/clearinghouse/src/index';
import { PhiCipher } from '../../../libs/backend/util-crypto/src/index';
import { serviceDataSourceOptions } from '../../../libs/backend/util-persistence/src/index';
import { createTestDatabase } from '../../../libs/backend/util-testing/src/index';
import { read277ca, read835, read999 } from '../../../libs/x12/src/index';
import { ClearinghouseSandbox } from '../../../apps/clearinghouse-sandbox/src/sandbox/sandbox';
import { claimFor, sample837p } from '../../../apps/clearinghouse-sandbox/test/sample-837p';

const CLAIMS = Number(process.argv[2] ?? 10_000);
const PREFIXES = ['XJ', 'XJ', 'XJ', 'XJ', 'XJ', 'XJ', 'DED', 'COP', 'PART', 'DEN', 'REJ'];

async function main() {
  // Wall time, and this process's CPU time (on a shared machine the CPU time says more; sshd's
  // own CPU is not counted).
  const times: [string, number, number][] = [];
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const value = await fn();
    const cpu = process.cpuUsage(c0);
    times.push([stage, performance.now() - t0, (cpu.user + cpu.system) / 1000]);
    return value;
  };

  const server = new SftpTestServer();
  const info = await server.start();
  const db = await createTestDatabase('claimline_bench');
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: db.url,
      schema: 'bench',
      entities: [ReceivedFileEntity],
      migrations: [],
    }),
  );
  await ds.initialize();
  await ds.query('CREATE SCHEMA "bench"');
  const q = ds.createQueryRunner();
  await createClearinghouseTables(q, 'bench');
  await q.release();
  const stateDir = mkdtempSync(path.join(tmpdir(), 'bench-sandbox-'));
  const archiveDir = mkdtempSync(path.join(tmpdir(), 'bench-archive-'));
  try {
    const account = server.account();
    const connector = new SftpConnector<EntityManager>({
      account,
      ledger: new TypeOrmResponseLedger(ds),
      archive: new EncryptedDirectoryArchive(archiveDir, new PhiCipher(randomBytes(32).toString('base64'))),
    });
    const sandbox = new ClearinghouseSandbox({
      inbound: info.accounts['sandbox'].inbound,
      outbound: info.accounts['sandbox'].outbound,
      stateDir,
      remitDelayMs: 0,
    });
    const started = performance.now();
    const x12 = await time('write 837P (libs/claims + libs/x12)', () =>
      sample837p(
        Array.from({ length: CLAIMS }, (_, i) =>
          claimFor(i + 1, `${PREFIXES[i % PREFIXES.length]}${100000 + i}`, (i % 4) + 1),
        ),
        4242,
      ),
    );
    await time('SFTP upload (archive, temp name, rename)', () =>
      connector.upload(uploadFileName(account, 4242, new Date()), x12),
    );
    const written = await time('sandbox: validate, 999, 277CA, 835', () => sandbox.tick());
    const files = new Map<string, Buffer>();
    await time('SFTP poll + download (archive, ledger)', () =>
      connector.poll(async (file) => void files.set(file.name, file.content)),
    );
    const find = (suffix: string) =>
      [...files.entries()].find(([n]) => n.endsWith(suffix))?.[1] ?? Buffer.alloc(0);
    const counts = await time('read 999 + 277CA + 835', () => {
      const ack = read999(find('.999'));
      const ca = read277ca(find('.277CA'));
      const remit = read835(find('.835'));
      if (!ack.ok || !ca.ok || !remit.ok) throw new Error('a reader refused a sandbox file');
      return {
        transactions: ack.value[0].transactions.length,
        claimAcks: ca.value[0].claims.length,
        remitted: remit.value.reduce((n, t) => n + t.claims.length, 0),
      };
    });
    const total = performance.now() - started;
    console.log(
      `\nclearinghouse round trip, ${CLAIMS} claims, 837P ${(x12.length / 1e6).toFixed(1)} MB, files ${written.join(', ')}`,
    );
    console.log(
      `999 transactions ${counts.transactions}, 277CA claims ${counts.claimAcks}, 835 claims ${counts.remitted}\n`,
    );
    const cpuTotal = times.reduce((sum, t) => sum + t[2], 0);
    const row = (stage: string, ms: number, cpu: number) =>
      `${stage.padEnd(42)} ${(ms / 1000).toFixed(2).padStart(7)} s wall ${(cpu / 1000).toFixed(2).padStart(7)} s cpu`;
    for (const [stage, ms, cpu] of times) console.log(row(stage, ms, cpu));
    console.log(
      `${row('whole round trip', total, cpuTotal)}  → ${Math.round(CLAIMS / (total / 1000))} claims/s wall, ${Math.round(CLAIMS / (cpuTotal / 1000))} claims/s cpu`,
    );
  } finally {
    await ds.destroy();
    await db.drop();
    await server.dispose();
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(archiveDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
