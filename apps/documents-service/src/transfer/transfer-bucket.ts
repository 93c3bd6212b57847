import { Readable } from 'node:stream';
import { nanos, NatsConnection, ObjectStore, StorageType } from 'nats';
import { objectReadable } from '@claimline/backend/util-nats';

/** How long a transfer object may live if nobody deletes it (a crashed gateway or service). */
export const TRANSFER_TTL_MS = 60 * 60 * 1000;

/**
 * The JetStream Object Store bucket through which document bytes travel (chunked, so neither side
 * holds a whole file in memory). Objects are temporary: `upload/<uuid>` from the gateway,
 * `download/<uuid>` from this service; each is deleted by its reader, and expire after an hour anyway.
 */
export class TransferBucket {
  private store: Promise<ObjectStore> | null = null;

  constructor(
    private readonly nc: NatsConnection,
    readonly bucket: string,
  ) {}

  private os(): Promise<ObjectStore> {
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
    const info = await (await this.os()).put({ name }, Readable.toWeb(data) as unknown as ReadableStream<Uint8Array>);
    return info.size;
  }

  async delete(name: string): Promise<void> {
    const os = await this.os();
    if (await os.info(name)) await os.delete(name);
  }
}
