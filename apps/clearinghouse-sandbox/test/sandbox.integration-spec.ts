import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import {
  createClearinghouseTables,
  EncryptedDirectoryArchive,
  ReceivedFileEntity,
  SftpConnector,
  SftpTestServer,
  TypeOrmResponseLedger,
  uploadFileName,
} from '@claimline/backend/clearinghouse';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  spawnBuiltApp,
  type TestDatabase,
  waitFor,
} from '@claimline/backend/util-testing';
import { read277ca, read835, read999 } from '@claimline/x12';
import { claimFor, sample837p } from './sample-837p';

const SCHEMA = 'sandbox_t';

describe('the sandbox clearinghouse over a real OpenSSH SFTP server', () => {
  const server = new SftpTestServer();
  const stateDir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
  const archiveDir = mkdtempSync(path.join(tmpdir(), 'sandbox-archive-'));
  let sandbox: ChildProcess;
  let db: TestDatabase;
  let ds: DataSource;
  let connector: SftpConnector<EntityManager>;
  const received = new Map<string, string>();

  beforeAll(async () => {
    const info = await server.start();
    sandbox = spawnBuiltApp('clearinghouse-sandbox', {
      SANDBOX_HOME: info.accounts['sandbox'].home,
      SANDBOX_STATE_DIR: stateDir,
      SANDBOX_REMIT_DELAY_MS: '1500',
      SANDBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
    });
    db = await createTestDatabase();
    ds = new DataSource(
      serviceDataSourceOptions({
        url: db.url,
        schema: SCHEMA,
        entities: [ReceivedFileEntity],
        migrations: [],
      }),
    );
    await ds.initialize();
    await ds.query(`CREATE SCHEMA "${SCHEMA}"`);
    const q = ds.createQueryRunner();
    await createClearinghouseTables(q, SCHEMA);
    await q.release();
    connector = new SftpConnector({
      account: server.account(),
      ledger: new TypeOrmResponseLedger(ds),
      archive: new EncryptedDirectoryArchive(archiveDir, new PhiCipher(randomBytes(32).toString('base64'))),
    });
  });

  afterAll(async () => {
    sandbox?.kill('SIGTERM');
    await ds?.destroy();
    await db?.drop();
    await server.dispose();
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(archiveDir, { recursive: true, force: true });
  });

  /** Polls over SFTP until a response whose name ends with `suffix` has come. */
  const fetch = (suffix: string) =>
    waitFor(
      `a ${suffix} over SFTP`,
      async () => {
        await connector.poll(async (file) => void received.set(file.name, file.content.toString('latin1')));
        return [...received.entries()].find(([name]) => name.endsWith(suffix))?.[1];
      },
      20_000,
      200,
    );

  it('answers an 837P of our claims writer with a 999 and a 277CA, then an 835, all read by our readers', async () => {
    const x12 = sample837p([claimFor(1, 'XJ100'), claimFor(2, 'REJ200'), claimFor(3, 'DEN300')], 9001);
    const name = uploadFileName(server.account(), 9001, new Date());
    await connector.upload(name, x12);

    const ack = read999(await fetch('.999'));
    if (!ack.ok) throw ack.error;
    expect(ack.value[0].groupStatus).toBe('accepted');
    const ca = read277ca(await fetch('.277CA'));
    if (!ca.ok) throw ca.error;
    const statuses = Object.fromEntries(ca.value[0].claims.map((c) => [c.claimId, c.statuses[0].category]));
    expect(statuses).toEqual({
      [claimFor(1, '').patientControlNumber]: 'A2',
      [claimFor(2, '').patientControlNumber]: 'A3',
      [claimFor(3, '').patientControlNumber]: 'A2',
    });
    const remit = read835(await fetch('.835'));
    // The 835 comes after the configured delay (1.5 s), not with the acknowledgments.
    const written = (suffix: string) => {
      const name = [...received.keys()].find((n) => n.endsWith(suffix)) ?? '';
      return statSync(path.join(server.info.accounts['sandbox'].outbound, name)).mtimeMs;
    };
    expect(written('.835') - written('.277CA')).toBeGreaterThanOrEqual(1400);
    if (!remit.ok) throw remit.error;
    const claims = Object.fromEntries(remit.value[0].claims.map((c) => [c.claimId, c]));
    expect(Object.keys(claims).sort()).toEqual(
      [claimFor(1, '').patientControlNumber, claimFor(3, '').patientControlNumber].sort(),
    );
    expect(claims[claimFor(3, '').patientControlNumber].statusCode).toBe('4');
    expect(claims[claimFor(1, '').patientControlNumber].paid).toBe(2 * 9632);
  });

  it('answers a sample 837P from the reference set with a 999 our reader takes', async () => {
    const sample = readFileSync('/work/shared/reference/x12-samples/837p/demo.example1.837', 'latin1');
    await connector.upload('SAMPLE_000000907.837', sample);
    const ack = read999(await fetch('SAMPLE_000000907.999'));
    if (!ack.ok) throw ack.error;
    expect(ack.value[0].transactions).toHaveLength(1);
    expect(ack.value[0].transactions[0].controlNumber).toBe('0021');
  });

  it('refuses an interchange control number sent twice with a TA1 (025)', async () => {
    const x12 = sample837p([claimFor(5, 'XJ500')], 9002);
    await connector.upload('CLAIMLINE_000009002_A.837', x12);
    await fetch('CLAIMLINE_000009002_A.277CA');
    await connector.upload('CLAIMLINE_000009002_B.837', x12);
    const ta1 = await fetch('CLAIMLINE_000009002_B.TA1');
    expect(ta1).toContain('*R*025');
  });
});
