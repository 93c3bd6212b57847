import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Actor } from '@claimline/contracts/common';
import { validateEnv } from '@claimline/backend/util-config';
import { DocumentsEnv } from '../../src/config/env';
import { S3_PART_BYTES, S3StorageDriver } from '../../src/storage/s3.driver';
import { StoredFileMissingError } from '../../src/storage/storage-driver';
import { Harness } from './harness';
import { testPdf } from '@claimline/backend/util-testing';

// s3rver ships no types; this is the part of its API the test uses.
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = require('s3rver') as new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverServer;

const BUCKET = 'claimline-docs-test';
const PREFIX = 'documents/';
const CREDENTIALS = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };

/** `size` random bytes as a stream of 64 KB chunks, with their SHA-256: never held whole by the source. */
function randomStream(size: number, failAfter?: number): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (failAfter !== undefined && sent >= failAfter)
        return this.destroy(new Error('the upload broke off'));
      if (sent >= size) return this.push(null);
      const chunk = randomBytes(Math.min(64 * 1024, size - sent));
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

async function sha256Of(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('S3 storage driver against a real S3-protocol server (s3rver)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimline-s3rver-'));
  let server: S3rverServer;
  let endpoint: string;
  let driver: S3StorageDriver;
  let raw: S3Client;

  const s3Env = (extra: Record<string, string> = {}) => ({
    STORAGE_DRIVER: 's3',
    S3_BUCKET: BUCKET,
    S3_PREFIX: PREFIX,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    ...CREDENTIALS,
    ...extra,
  });

  /** The kinds of requests the driver sent since the spy was set, e.g. `PutObjectCommand`. */
  function spyOnCommands(d: S3StorageDriver) {
    const spy = jest.spyOn(d.client, 'send');
    return {
      names: () => spy.mock.calls.map(([command]) => command.constructor.name),
      partSizes: () =>
        spy.mock.calls
          .filter(([command]) => command.constructor.name === 'UploadPartCommand')
          .map(([command]) => (command.input as { Body: Buffer }).Body.length),
      restore: () => spy.mockRestore(),
    };
  }

  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory: dir,
      silent: true,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    driver = S3StorageDriver.fromEnv(
      validateEnv('documents', DocumentsEnv, {
        DATABASE_URL: 'postgres://x/y',
        PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        ...s3Env(),
      }),
    );
    raw = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    driver?.onModuleDestroy();
    raw?.destroy();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates the S3 settings at boot, and keeps the local driver by default', () => {
    const base = { DATABASE_URL: 'postgres://x/y', PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    expect(validateEnv('documents', DocumentsEnv, base)).toMatchObject({
      STORAGE_DRIVER: 'local',
      S3_PREFIX: '',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
    expect(validateEnv('documents', DocumentsEnv, { ...base, ...s3Env() })).toMatchObject({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: BUCKET,
      S3_FORCE_PATH_STYLE: true,
    });
    expect(
      validateEnv('documents', DocumentsEnv, { ...base, ...s3Env({ S3_FORCE_PATH_STYLE: 'false' }) })
        .S3_FORCE_PATH_STYLE,
    ).toBe(false);

    const problems = (env: Record<string, string>) => {
      try {
        validateEnv('documents', DocumentsEnv, { ...base, ...env });
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problems({ STORAGE_DRIVER: 'ftp' })).toContain('STORAGE_DRIVER must be local or s3');
    expect(problems({ STORAGE_DRIVER: 's3' })).toContain('S3_BUCKET must be a bucket name');
    expect(problems(s3Env({ S3_FORCE_PATH_STYLE: 'maybe' }))).toContain(
      'S3_FORCE_PATH_STYLE must be true or false',
    );
    expect(problems(s3Env({ S3_ENDPOINT: 'minio:9000' }))).toContain('S3_ENDPOINT must be an http(s):// URL');
    expect(problems(s3Env({ S3_PREFIX: 'documents' }))).toContain(
      'S3_PREFIX must be empty or path segments each ending in /',
    );
    expect(problems({ ...s3Env(), S3_SECRET_ACCESS_KEY: '' })).toContain(
      'S3_SECRET_ACCESS_KEY and S3_ACCESS_KEY_ID go together',
    );
    // The bucket only matters with the s3 driver.
    expect(problems({ S3_BUCKET: 'Not A Bucket' })).toBe('');
  });

  it('round-trips a small object in one PutObject, under the prefix', async () => {
    const key = randomUUID();
    const bytes = randomBytes(200_000);
    const commands = spyOnCommands(driver);
    try {
      expect(
        await driver.write(key, Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)])),
      ).toEqual({ bytes: bytes.length });
      expect(commands.names()).toEqual(['PutObjectCommand']);
    } finally {
      commands.restore();
    }
    expect(await driver.exists(key)).toBe(true);
    expect((await readAll(await driver.read(key))).equals(bytes)).toBe(true);
    const listed = await raw.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
    expect(listed.Contents?.map((o) => o.Key)).toContain(`${PREFIX}${key}.bin`);
  });

  it('streams an object larger than a part as a multipart upload of 5 MB parts, and reads it back as a stream', async () => {
    const key = randomUUID();
    const size = 2 * S3_PART_BYTES + 123_457;
    const source = randomStream(size);
    const commands = spyOnCommands(driver);
    try {
      expect(await driver.write(key, source.stream)).toEqual({ bytes: size });
      expect(commands.names()).toEqual([
        'CreateMultipartUploadCommand',
        'UploadPartCommand',
        'UploadPartCommand',
        'UploadPartCommand',
        'CompleteMultipartUploadCommand',
      ]);
      expect(commands.partSizes()).toEqual([S3_PART_BYTES, S3_PART_BYTES, 123_457]);
    } finally {
      commands.restore();
    }
    const stored = await driver.read(key);
    expect(stored).toBeInstanceOf(Readable);
    expect(await sha256Of(stored)).toEqual({ sha256: source.sha256(), bytes: size });
  });

  it('leaves no object behind when the stream fails mid-upload', async () => {
    const key = randomUUID();
    const broken = randomStream(3 * S3_PART_BYTES, S3_PART_BYTES + 300_000);
    await expect(driver.write(key, broken.stream)).rejects.toThrow('the upload broke off');
    expect(await driver.exists(key)).toBe(false);
    await expect(driver.read(key)).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it('deletes (twice is fine); a missing object is StoredFileMissingError, a missing bucket is not', async () => {
    const key = randomUUID();
    await driver.write(key, Readable.from([Buffer.from('ciphertext')]));
    await driver.delete(key);
    expect(await driver.exists(key)).toBe(false);
    await expect(driver.read(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    await expect(driver.delete(key)).resolves.toBeUndefined();

    await expect(driver.read(randomUUID())).rejects.toThrow(/^No stored file for /);
    const elsewhere = new S3StorageDriver({
      bucket: 'no-such-bucket',
      prefix: '',
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    try {
      const error = await elsewhere.read(randomUUID()).catch((e: Error) => e);
      expect(error).not.toBeInstanceOf(StoredFileMissingError);
      expect((error as Error).name).toBe('NoSuchBucket');
    } finally {
      elsewhere.onModuleDestroy();
    }
    expect(() => driver.objectKey('../../etc/passwd')).toThrow('Invalid storage key');
  });

  describe('behind the documents service (STORAGE_DRIVER=s3)', () => {
    const h = new Harness();
    const practiceId = randomUUID();
    const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };

    async function upload(bytes: Buffer) {
      const transferObject = `upload/${randomUUID()}`;
      await h.putUpload(transferObject, bytes);
      return h.rpc.send(
        'documents.document.register',
        {
          practiceId,
          linkedType: 'policy',
          linkedId: randomUUID(),
          kind: 'insurance_card_front',
          name: 'card.pdf',
          transferObject,
        },
        { actor: owner },
      );
    }

    /** What s3rver keeps for the object, straight from its data directory. */
    const storedOnDisk = (id: string) =>
      readFileSync(join(dir, BUCKET, 'documents', `${id}.bin._S3rver_object`));

    beforeAll(async () => {
      await h.setUp();
      await h.start(s3Env());
    });

    afterAll(() => h.tearDown());

    it('stores ciphertext in the bucket (nothing in DOCUMENTS_DIR) and serves the plaintext back byte for byte', async () => {
      for (const size of [300_000, S3_PART_BYTES + 700_001]) {
        const bytes = testPdf(size);
        const doc = await upload(bytes);
        expect(doc).toMatchObject({
          sizeBytes: size,
          contentType: 'application/pdf',
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });

        const object = await raw.send(
          new GetObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${doc.id}.bin` }),
        );
        const stored = await readAll(object.Body as Readable);
        expect(stored.length).toBe(size + 6 + 12 + 16); // CLDOC1 ‖ IV ‖ ciphertext ‖ tag
        expect(stored.subarray(0, 6).toString()).toBe('CLDOC1');
        expect(stored.includes(bytes.subarray(0, 32))).toBe(false);
        expect(stored.includes(bytes.subarray(200_000, 200_032))).toBe(false);
        expect(storedOnDisk(doc.id).equals(stored)).toBe(true);

        const opened = await h.rpc.send(
          'documents.document.open',
          { practiceId, documentId: doc.id },
          { actor: owner },
        );
        expect((await h.readDownload(opened.transferObject)).equals(bytes)).toBe(true);
        await h.os.delete(opened.transferObject);
      }
      const rows = await h.sql.query('SELECT storage_driver FROM documents.document');
      // Each row says where its file is, for a later move between drivers.
      expect(rows.map((r: { storage_driver: string }) => r.storage_driver)).toEqual(['s3', 's3']);
      expect(readdirSync(h.dir)).toEqual([]);
    });

    it('reports an object missing from the bucket as an integrity failure, not a crash', async () => {
      const doc = await upload(testPdf(5000));
      await driver.delete(doc.id);
      const error = await h.rpc
        .send('documents.document.open', { practiceId, documentId: doc.id }, { actor: owner })
        .catch((e: { body?: unknown }) => e.body);
      expect(error).toMatchObject({ code: 'internal', details: { reason: 'integrity' } });
      expect(await h.objectNames()).toEqual([]);
    });
  });
});
