import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { headers as natsHeaders, NatsConnection, nuid, ObjectInfo } from 'nats';

/*
 * Flow control for the JetStream Object Store, which nats.js (2.x) does not have: its `put`
 * publishes every 128 KB chunk without waiting for the previous acks (each chunk stays in memory
 * until its ack, and JetStream acks only once the chunk is stored), and its `get` pushes every
 * chunk of an ordered consumer into a web stream whether or not anyone reads it. A producer faster
 * than JetStream's disk (a local HTTP upload) or a reader slower than the server (a slow download,
 * a busy disk) therefore holds up to the whole object in memory — measured before this: +10 MB of
 * live memory in the gateway and +14 MB RSS in documents-service for one 10 MB upload.
 *
 * `putObject` and `pulledObject` write and read the same objects (the Object Store format of
 * nats.js: chunks on `$O.<bucket>.C.<nuid>`, the description on `$O.<bucket>.M.<name>` rolled up,
 * a SHA-256 digest), holding at most `window` chunks on the way in and about two on the way out.
 *
 * TransferBucket (transfer-bucket.ts) reads and writes through these two.
 */

export const CHUNK_BYTES = 128 * 1024;
/** Chunks published and not yet acknowledged by JetStream, at most. */
export const PUBLISH_WINDOW = 8;

const padded64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Writes `data` as the object `name` of `bucket`, chunk by chunk, waiting for JetStream's ack of
 * the oldest chunk whenever `window` are outstanding — so the source is read only as fast as the
 * server stores it. A failure (of the source or of NATS) removes the chunks written so far.
 */
export async function putObject(
  nc: NatsConnection,
  bucket: string,
  name: string,
  data: Readable,
  { chunkBytes = CHUNK_BYTES, window = PUBLISH_WINDOW }: { chunkBytes?: number; window?: number } = {},
): Promise<number> {
  const js = nc.jetstream();
  const stream = `OBJ_${bucket}`;
  const id = nuid.next();
  const chunkSubject = `$O.${bucket}.C.${id}`;
  const hash = createHash('sha256');
  const inFlight: Promise<unknown>[] = [];
  let size = 0;
  let chunks = 0;
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  const publish = async (payload: Buffer) => {
    hash.update(payload);
    size += payload.length;
    chunks++;
    const ack = js.publish(chunkSubject, payload);
    ack.catch(() => undefined); // awaited below; this only marks it handled meanwhile
    inFlight.push(ack);
    if (inFlight.length >= window) await inFlight.shift();
  };
  try {
    for await (const piece of data as AsyncIterable<Buffer>) {
      let at = 0;
      while (at < piece.length) {
        const n = Math.min(chunkBytes - filled, piece.length - at);
        piece.copy(chunk, filled, at, at + n);
        filled += n;
        at += n;
        if (filled === chunkBytes) {
          await publish(chunk);
          chunk = Buffer.allocUnsafe(chunkBytes);
          filled = 0;
        }
      }
    }
    if (filled > 0) await publish(chunk.subarray(0, filled));
    await Promise.all(inFlight);
    const previous = await (await js.views.os(bucket)).info(name);
    const h = natsHeaders();
    h.set('Nats-Rollup', 'sub');
    const meta = {
      name,
      description: '',
      options: { max_chunk_size: chunkBytes },
      bucket,
      nuid: id,
      size,
      chunks,
      mtime: new Date().toISOString(),
      digest: `SHA-256=${padded64url(hash.digest())}`,
      deleted: false,
    };
    await js.publish(`$O.${bucket}.M.${padded64url(Buffer.from(name, 'utf8'))}`, JSON.stringify(meta), {
      headers: h,
    });
    if (previous && !previous.deleted) {
      const jsm = await nc.jetstreamManager();
      await jsm.streams.purge(stream, { filter: `$O.${bucket}.C.${previous.nuid}` }).catch(() => undefined);
    }
    return size;
  } catch (error) {
    await Promise.allSettled(inFlight);
    const jsm = await nc.jetstreamManager();
    await jsm.streams.purge(stream, { filter: chunkSubject }).catch(() => undefined);
    throw error;
  }
}

/**
 * An object's bytes read chunk by chunk with JetStream direct gets (`next_by_subj` from the last
 * sequence), one request per chunk and only when the stream's consumer wants more: a slow reader
 * holds two or three chunks, not the object. The SHA-256 of what was read is checked against the object's
 * digest at the end, as nats.js's own `get` does.
 */
export function pulledObject(nc: NatsConnection, info: ObjectInfo, timeoutMs = 10_000): Readable {
  const api = `$JS.API.DIRECT.GET.OBJ_${info.bucket}`;
  const subject = `$O.${info.bucket}.C.${info.nuid}`;
  const hash = createHash('sha256');
  let seq = 0;
  let left = info.chunks;
  let busy = false;
  return new Readable({
    // one chunk buffered ahead while the consumer works on the last: the request latency is hidden
    highWaterMark: 2 * CHUNK_BYTES,
    read() {
      if (busy) return;
      busy = true;
      void (async () => {
        try {
          if (left === 0) {
            if (info.size > 0 && !hash.digest().equals(digestBytes(info.digest))) {
              throw new Error(`The transfer object ${info.name} does not match its digest`);
            }
            this.push(null);
            return;
          }
          const msg = await nc.request(api, JSON.stringify({ seq: seq + 1, next_by_subj: subject }), {
            timeout: timeoutMs,
          });
          if (msg.headers && msg.headers.code >= 400) {
            throw new Error(
              `Chunk ${info.chunks - left + 1} of ${info.chunks} of ${info.name} could not be read: ${msg.headers.code} ${msg.headers.description}`,
            );
          }
          seq = Number(msg.headers?.get('Nats-Sequence'));
          left--;
          hash.update(msg.data);
          busy = false;
          this.push(Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength));
        } catch (error) {
          this.destroy(error as Error);
        }
      })();
    },
  });
}

/** `SHA-256=<base64url>` → the 32 bytes (Node's base64 decoder takes the URL-safe alphabet too). */
function digestBytes(digest: string): Buffer {
  return Buffer.from(digest.replace(/^SHA-256=/i, ''), 'base64');
}
