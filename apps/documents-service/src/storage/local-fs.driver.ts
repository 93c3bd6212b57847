import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageDriver, StoredFileMissingError } from './storage-driver';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files under `DOCUMENTS_DIR`, fanned out by the first two characters of the key
 * (`ab/abcdef….bin`). Writes go to a `.partial` file, fsync'd, then renamed into place.
 */
export class LocalFsStorageDriver implements StorageDriver {
  readonly name = 'local';
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
    return join(this.root, key.slice(0, 2), `${key}.bin`);
  }

  async write(key: string, data: Readable): Promise<{ bytes: number }> {
    const path = this.pathOf(key);
    const partial = `${path}.partial`;
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _e, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(data, count, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      const fh = await open(partial, 'r');
      await fh.sync().finally(() => fh.close());
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { bytes };
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    const stream = createReadStream(path);
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', (e: NodeJS.ErrnoException) =>
        fail(e.code === 'ENOENT' ? new StoredFileMissingError(key) : e),
      );
    });
    return stream;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
