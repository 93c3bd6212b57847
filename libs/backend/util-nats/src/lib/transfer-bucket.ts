import { Readable } from 'node:stream';
import { nanos, NatsConnection, ObjectStore, StorageType } from 'nats';
import { objectReadable } from './object-readable';

/** How long a transfer object may live if nobody deletes it (a crashed gateway or service). */
export const TRANSFER_TTL_MS = 60 * 60 * 1000;

/**
 * A JetStream Object Store bucket through which large payloads (document bytes) travel between
 * processes in chunks, so neither side holds a whole file in memory. Objects are temporary:
 * each is deleted by its reader and expires after an hour anyway.
 */
export class TransferBucket {
  private store: Promise<ObjectStore> | null = null;

  constructor(
    private readonly nc: NatsConnection,
    readonly bucket: string,
  ) {}

  protected os(): Promise<ObjectStore> {
    this.store ??= this.nc
      .jetstream()
      .views.os(this.bucket, { ttl: nanos(TRANSFER_TTL_MS), storage: StorageType.File })
      .catch((error) => {
        this.store = null;
        throw error;
      });
    return this.store;
  }

  async open(name: string): Promise<{ size: number; stream: Readable } | null> {
    const result = await (await this.os()).get(name);
    if (!result) return null;
    return { size: result.info.size, stream: objectReadable(result) };
  }

  async put(name: string, data: Readable): Promise<number> {
    const info = await (
      await this.os()
    ).put({ name }, Readable.toWeb(data) as unknown as ReadableStream<Uint8Array>);
    return info.size;
  }

  async delete(name: string): Promise<void> {
    const os = await this.os();
    if (await os.info(name)) await os.delete(name);
  }
}
