import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DataSource, type EntityManager } from 'typeorm';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { createTestDatabase, type TestDatabase, waitFor } from '@claimline/backend/util-testing';
import {
  type ConnectorEvent,
  createClearinghouseTables,
  EncryptedDirectoryArchive,
  HostKeyRefusedError,
  LoginRefusedError,
  ReceivedFileEntity,
  SftpConnector,
  SftpTestServer,
  TypeOrmResponseLedger,
} from '../src';

const SCHEMA = 'clearinghouse_t';

describe('SftpConnector against a real OpenSSH server and PostgreSQL', () => {
  const server = new SftpTestServer();
  const archiveDir = mkdtempSync(path.join(tmpdir(), 'ch-archive-'));
  const cipher = new PhiCipher(randomBytes(32).toString('base64'));
  const archive = new EncryptedDirectoryArchive(archiveDir, cipher);
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    await server.start();
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
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
    await server.dispose();
    rmSync(archiveDir, { recursive: true, force: true });
  });

  const events: ConnectorEvent[] = [];
  beforeEach(() => (events.length = 0));
  const connector = (overrides = {}, retry = { attempts: 8, initialDelayMs: 200, maxDelayMs: 1000 }) =>
    new SftpConnector<EntityManager>({
      account: server.account('sandbox', overrides),
      ledger: new TypeOrmResponseLedger(ds),
      archive,
      retry,
      readyTimeoutMs: 5000,
      keepaliveMs: 1000,
      onEvent: (e) => events.push(e),
    });
  const inbound = () => server.info.accounts['sandbox'].inbound;
  const outbound = () => server.info.accounts['sandbox'].outbound;

  it('uploads under a temporary name then renames, archives encrypted, and reads back the answers once', async () => {
    const c = connector();
    const body = `ISA*00*${randomBytes(8).toString('hex')}~`;
    const up = await c.upload('CLAIMLINE_000000001_20261203090000.837', body);
    expect(up).toMatchObject({ attempts: 1, alreadyThere: false, size: body.length });
    expect(readFileSync(path.join(inbound(), up.name), 'utf8')).toBe(body);
    expect(readdirSync(inbound()).filter((n) => n.endsWith('.part'))).toEqual([]);
    // The archive holds it encrypted, and gives it back.
    const sealed = readFileSync(path.join(archiveDir, up.archivedAs), 'utf8');
    expect(sealed).not.toContain('ISA*');
    expect((await archive.get(up.archivedAs)).toString()).toBe(body);

    writeFileSync(path.join(outbound(), 'ANSWER_1.999'), 'ISA*999*1~');
    writeFileSync(path.join(outbound(), 'ANSWER_1.277'), 'ISA*277*1~');
    const seen: string[] = [];
    const first = await c.poll(async (file, tx) => {
      seen.push(`${file.name}:${file.content.toString()}`);
      expect(tx.connection).toBe(ds);
    });
    expect(first.processed).toEqual(['ANSWER_1.277', 'ANSWER_1.999']);
    expect(seen).toEqual(['ANSWER_1.277:ISA*277*1~', 'ANSWER_1.999:ISA*999*1~']);
    const again = await c.poll(async (file) => void seen.push(file.name));
    expect(again).toEqual({ processed: [], duplicates: [], skipped: ['ANSWER_1.277', 'ANSWER_1.999'] });
    expect(seen).toHaveLength(2);
    expect(await ds.getRepository(ReceivedFileEntity).count()).toBe(2);
  });

  it('processes a response once when the same bytes come twice, also to two pollers at the same time', async () => {
    const body = `ISA*277*${randomBytes(8).toString('hex')}~`;
    writeFileSync(path.join(outbound(), 'DUP_A.277'), body);
    writeFileSync(path.join(outbound(), 'DUP_B.277'), body);
    let runs = 0;
    const results = await Promise.all([connector(), connector()].map((c) => c.poll(async () => void runs++)));
    expect(runs).toBe(1);
    const processed = results.flatMap((r) => r.processed);
    const duplicates = results.flatMap((r) => r.duplicates);
    expect(processed).toHaveLength(1);
    expect([...processed, ...duplicates].filter((n) => n.startsWith('DUP_')).sort()).toEqual(
      expect.arrayContaining(['DUP_A.277', 'DUP_B.277']),
    );
    const rows = await ds.getRepository(ReceivedFileEntity).find();
    expect(rows.filter((r) => r.name.startsWith('DUP_') && !r.duplicate)).toHaveLength(1);
  });

  it('refuses a server whose host key is not the pinned one, without retrying or sending', async () => {
    const other = path.join(server.dir, 'other-host-key');
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const pinned = readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    const c = connector({ hostKey: pinned });
    await expect(c.upload('CLAIMLINE_000000002_20261203090000.837', 'ISA~')).rejects.toBeInstanceOf(
      HostKeyRefusedError,
    );
    expect(events.filter((e) => e.type === 'retry')).toEqual([]);
    expect(existsSync(path.join(inbound(), 'CLAIMLINE_000000002_20261203090000.837'))).toBe(false);
    expect(readdirSync(inbound()).filter((n) => n.includes('000000002'))).toEqual([]);
  });

  it('does not retry a refused login (clearinghouses lock accounts)', async () => {
    const key = path.join(server.dir, 'stranger-key');
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const c = connector({ privateKey: readFileSync(key, 'utf8') });
    const started = Date.now();
    await expect(c.poll(async () => undefined)).rejects.toBeInstanceOf(LoginRefusedError);
    expect(events.filter((e) => e.type === 'retry')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('retries an upload cut by the server stopping, and ends with one whole file', async () => {
    const name = 'CLAIMLINE_000000003_20261203090000.837';
    // Big enough that the upload is still running when the server is stopped, even on a fast machine.
    const body = randomBytes(40 * 1024 * 1024);
    const temporary = path.join(inbound(), `.${name}.part`);
    const c = connector();
    const upload = c.upload(name, body);
    // Stop the server (its sessions too) once the temporary file has started to grow.
    await waitFor(
      'the upload to start',
      () => existsSync(temporary) && statSync(temporary).size > 0,
      20_000,
      5,
    );
    await server.stop();
    expect(existsSync(path.join(inbound(), name))).toBe(false);
    await new Promise((r) => setTimeout(r, 700));
    await server.start();
    const result = await upload;
    expect(result.attempts).toBeGreaterThan(1);
    expect(events.some((e) => e.type === 'retry' && e.operation === 'upload')).toBe(true);
    expect(readFileSync(path.join(inbound(), name)).equals(body)).toBe(true);
    expect(readdirSync(inbound()).filter((n) => n.includes('000000003'))).toEqual([name]);
  }, 120_000);

  it('treats a file already there with the same size as the earlier attempt that got through', async () => {
    const name = 'CLAIMLINE_000000004_20261203090000.837';
    const c = connector();
    await c.upload(name, 'ISA*first~');
    const again = await c.upload(name, 'ISA*first~');
    expect(again.alreadyThere).toBe(true);
    expect(readdirSync(inbound()).filter((n) => n.includes('000000004'))).toEqual([name]);
  });
});
