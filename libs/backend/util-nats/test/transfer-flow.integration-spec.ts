import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { connect, NatsConnection, ObjectStore } from 'nats';
import { testNatsUrl } from '@claimline/backend/util-testing';
import { CHUNK_BYTES, pulledObject, putObject } from '../src/lib/transfer-flow';

/** `size` random bytes in 64 KB pieces, produced only when read; `failAfter` breaks the source there. */
function source(
  size: number,
  failAfter?: number,
): { stream: Readable; produced: () => number; sha256: () => string } {
  const hash = createHash('sha256');
  let produced = 0;
  const stream = new Readable({
    read() {
      if (failAfter !== undefined && produced >= failAfter)
        return this.destroy(new Error('the source broke off'));
      if (produced >= size) return this.push(null);
      const piece = randomBytes(Math.min(64 * 1024, size - produced));
      produced += piece.length;
      hash.update(piece);
      this.push(piece);
    },
  });
  return { stream, produced: () => produced, sha256: () => hash.digest('hex') };
}

async function sha256Of(stream: AsyncIterable<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

describe('flow-controlled transfer objects (real NATS JetStream)', () => {
  const bucket = `flow-${randomBytes(4).toString('hex')}`;
  let nc: NatsConnection;
  let os: ObjectStore;

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    os = await nc.jetstream().views.os(bucket);
  });

  afterAll(async () => {
    await os?.destroy().catch(() => undefined);
    await nc?.close();
  });

  it('writes objects nats.js reads back whole, with a matching digest; a second put of a name replaces the first', async () => {
    for (const size of [0, 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * 1024 * 1024 + 7]) {
      const src = source(size);
      expect(await putObject(nc, bucket, `upload/${size}`, src.stream)).toBe(size);
      const info = await os.info(`upload/${size}`);
      expect(info).toMatchObject({ size, chunks: Math.ceil(size / CHUNK_BYTES), deleted: false });
      const got = await os.get(`upload/${size}`);
      const read = await sha256Of(Readable.fromWeb(got!.data as never));
      expect(await got!.error).toBeFalsy();
      expect(read).toEqual({ sha256: src.sha256(), bytes: size });
    }
    const before = (await os.info(`upload/${CHUNK_BYTES + 1}`))!;
    const again = source(1000);
    await putObject(nc, bucket, `upload/${CHUNK_BYTES + 1}`, again.stream);
    const got = await os.get(`upload/${CHUNK_BYTES + 1}`);
    expect((await sha256Of(Readable.fromWeb(got!.data as never))).sha256).toBe(again.sha256());
    const jsm = await nc.jetstreamManager();
    const old = await jsm.streams.info(`OBJ_${bucket}`, { subjects_filter: `$O.${bucket}.C.${before.nuid}` });
    expect(old.state.subjects ?? {}).toEqual({});
  });

  it('reads objects nats.js wrote, byte for byte, and only as fast as they are consumed', async () => {
    const bytes = randomBytes(2 * 1024 * 1024 + 3);
    await os.put(
      { name: 'download/a' },
      Readable.toWeb(Readable.from([bytes])) as unknown as ReadableStream<Uint8Array>,
    );
    const info = (await os.info('download/a'))!;
    const whole = await sha256Of(pulledObject(nc, info));
    expect(whole).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });

    // a reader that stops: the buffer ahead (two chunks) and the chunk that refilled it wait, nothing more is fetched
    const slow = pulledObject(nc, info);
    const first = await new Promise<Buffer>((resolve) =>
      slow.once('readable', () => resolve(slow.read(1024) as Buffer)),
    );
    expect(first.equals(bytes.subarray(0, 1024))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(slow.readableLength).toBeLessThanOrEqual(3 * CHUNK_BYTES);
    slow.destroy();
  });

  it('removes the chunks it wrote when the source fails, and writes no description', async () => {
    const failing = source(5 * 1024 * 1024, 2 * 1024 * 1024);
    await expect(putObject(nc, bucket, 'upload/broken', failing.stream)).rejects.toThrow(
      'the source broke off',
    );
    expect(await os.info('upload/broken')).toBeNull();
    const jsm = await nc.jetstreamManager();
    const state = (await jsm.streams.info(`OBJ_${bucket}`, { subjects_filter: `$O.${bucket}.C.>` })).state;
    const chunkCounts = Object.values(state.subjects ?? {});
    // every chunk left in the bucket belongs to a live object (the earlier tests'), none to the broken one
    const live = (await os.list()).filter((o) => !o.deleted).reduce((n, o) => n + o.chunks, 0);
    expect(chunkCounts.reduce((a, b) => a + b, 0)).toBe(live);
  });

  it('fails a read whose chunks are gone or do not match the digest', async () => {
    const src = source(600 * 1024);
    await putObject(nc, bucket, 'upload/damaged', src.stream);
    const info = (await os.info('upload/damaged'))!;
    // ObjectInfo's fields are getters: copy the ones the reader uses
    const { name, bucket: b, nuid, size, chunks } = info;
    const wrongDigest = {
      name,
      bucket: b,
      nuid,
      size,
      chunks,
      digest: `SHA-256=${Buffer.alloc(32).toString('base64')}`,
    } as typeof info;
    await expect(sha256Of(pulledObject(nc, wrongDigest))).rejects.toThrow('does not match its digest');
    const jsm = await nc.jetstreamManager();
    await jsm.streams.purge(`OBJ_${bucket}`, { filter: `$O.${bucket}.C.${info.nuid}` });
    await expect(sha256Of(pulledObject(nc, info))).rejects.toThrow(/could not be read: 404/);
  });
});
