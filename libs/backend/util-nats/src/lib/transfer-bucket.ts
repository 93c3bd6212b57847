import { Readable } from 'node:stream';
import { nanos, NatsConnection, ObjectStore, StorageType } from 'nats';
import { pulledObject, putObject } from './transfer-flow';

/** How long a transfer object may live if nobody deletes it (a crashed gateway or service). */
export const TRANSFER_TTL_MS = 60 * 60 * 1000;

/**
 * A JetStream Object Store bucket through which large payloads (document bytes) travel between
 * processes in chunks, so neither side holds a whole file in memory: writes wait for JetStream's
 * acks (a few chunks in flight) and reads pull one chunk at a time as the consumer asks
 * (transfer-flow.ts; nats.js's own put/get have no flow control). Objects are temporary: each is
 * deleted by its reader and expires after an hour anyway.
 */
export class TransferBucket {
  private store: Promise<ObjectStore> | null = null;

  constructor(
    protected readonly nc: NatsConnection,
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

  /** The object's bytes, pulled chunk by chunk as the stream is read (its SHA-256 checked at the end). */
  async open(name: string): Promise<{ size: number; stream: Readable } | null> {
    const info = await (await this.os()).info(name);
    if (!info || info.deleted) return null;
    return { size: info.size, stream: pulledObject(this.nc, info) };
  }

  /** Writes `data` as the object `name`, reading it only as fast as JetStream stores it. */
  async put(name: string, data: Readable): Promise<number> {
    await this.os(); // the bucket exists (and has its expiry) before the first chunk
    return putObject(this.nc, this.bucket, name, data);
  }

  async delete(name: string): Promise<void> {
    const os = await this.os();
    if (await os.info(name)) await os.delete(name);
  }
}
