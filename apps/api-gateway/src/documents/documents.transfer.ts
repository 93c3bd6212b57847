import { TransferBucket } from '@claimline/backend/util-nats';
import { Readable, Transform } from 'node:stream';

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the limit of ${limit} bytes`);
  }
}

/**
 * The gateway's side of the document transfer bucket: streams request bodies in, downloads out —
 * both flow-controlled (TransferBucket), so neither a fast upload nor a slow download makes the
 * gateway hold a file.
 */
export class DocumentTransfer extends TransferBucket {
  /** Streams `body` into `name`, refusing (and cleaning up) past `maxBytes`; memory stays at a few chunks. */
  async upload(name: string, body: Readable, maxBytes: number): Promise<number> {
    let bytes = 0;
    let tooLarge = false;
    const cap = new Transform({
      transform(chunk: Buffer, _e, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          tooLarge = true;
          return done(new UploadTooLargeError(maxBytes));
        }
        done(null, chunk);
      },
    });
    body.once('error', (e) => cap.destroy(e));
    try {
      await this.put(name, body.pipe(cap));
    } catch (error) {
      await this.delete(name).catch(() => undefined);
      body.resume();
      throw tooLarge ? new UploadTooLargeError(maxBytes) : error;
    }
    return bytes;
  }

  /**
   * The object's bytes as a stream; the object is deleted once the stream closes, read to the end
   * or not (a pulled read simply stops asking; nothing is left pushing into it).
   */
  async download(name: string): Promise<Readable | null> {
    const opened = await this.open(name);
    if (!opened) return null;
    opened.stream.once('close', () => void this.delete(name).catch(() => undefined));
    return opened.stream;
  }
}
