import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { StorageDriver, StoredFileMissingError } from './storage-driver';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** S3's smallest part (but the last); also the most this driver holds in memory per write. */
export const S3_PART_BYTES = 5 * 1024 * 1024;

export interface S3DriverOptions {
  bucket: string;
  /** Prepended to every object key, e.g. `documents/`. */
  prefix: string;
  region: string;
  /** For S3-compatible stores (MinIO, Ceph, R2…); unset for AWS. */
  endpoint?: string;
  /** Both or neither; neither uses the SDK's default chain (environment, instance or task role…). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO, s3rver). */
  forcePathStyle: boolean;
  /** Tests only: a smaller part size (S3 refuses parts under 5 MB but the last). */
  partBytes?: number;
}

/** The `S3_*` variables of the service environment, as `DocumentsEnv` holds them. */
export interface S3Env {
  S3_BUCKET?: string;
  S3_PREFIX: string;
  S3_REGION: string;
  S3_ENDPOINT?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
}

/**
 * Encrypted document files as objects `<prefix><id>.bin` in an S3 bucket (AWS or any store that
 * speaks the protocol). Writes stream: up to one part (5 MB) is held in memory; a stream that ends
 * within it is one PutObject, a longer one a multipart upload, aborted if anything fails, so a
 * failed write leaves no object (S3 shows an object only once the put or the completion succeeds).
 */
export class S3StorageDriver implements StorageDriver {
  readonly name = 's3';
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly partBytes: number;

  constructor(options: S3DriverOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix;
    this.partBytes = options.partBytes ?? S3_PART_BYTES;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint && { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId &&
        options.secretAccessKey && {
          credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
        }),
      // Checksums only where S3 requires them: many S3-compatible stores refuse the newer default
      // CRC trailers, and the content is already checked (GCM tag, SHA-256) on every read.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  static fromEnv(env: S3Env): S3StorageDriver {
    if (!env.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
    return new S3StorageDriver({
      bucket: env.S3_BUCKET,
      prefix: env.S3_PREFIX,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }

  objectKey(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
    return `${this.prefix}${key}.bin`;
  }

  async write(key: string, data: Readable): Promise<{ bytes: number }> {
    const Key = this.objectKey(key);
    const target = { Bucket: this.bucket, Key };
    let held: Buffer[] = [];
    let heldBytes = 0;
    let bytes = 0;
    let uploadId: string | undefined;
    const parts: CompletedPart[] = [];
    const uploadPart = async (body: Buffer) => {
      const PartNumber = parts.length + 1;
      const { ETag } = await this.client.send(
        new UploadPartCommand({
          ...target,
          UploadId: uploadId,
          PartNumber,
          Body: body,
          ContentLength: body.length,
        }),
      );
      parts.push({ ETag, PartNumber });
    };
    try {
      // for-await pauses the source while a part uploads (back-pressure) and destroys it if we throw.
      for await (const chunk of data) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        held.push(buf);
        heldBytes += buf.length;
        bytes += buf.length;
        while (heldBytes >= this.partBytes) {
          uploadId ??= (
            await this.client.send(
              new CreateMultipartUploadCommand({ ...target, ContentType: 'application/octet-stream' }),
            )
          ).UploadId;
          const all = Buffer.concat(held, heldBytes);
          await uploadPart(all.subarray(0, this.partBytes));
          held = heldBytes > this.partBytes ? [Buffer.from(all.subarray(this.partBytes))] : []; // a copy, so the sent part can go
          heldBytes -= this.partBytes;
        }
      }
      const rest = Buffer.concat(held, heldBytes);
      held = [];
      if (uploadId === undefined) {
        await this.client.send(
          new PutObjectCommand({
            ...target,
            Body: rest,
            ContentLength: rest.length,
            ContentType: 'application/octet-stream',
          }),
        );
      } else {
        if (rest.length > 0) await uploadPart(rest);
        await this.client.send(
          new CompleteMultipartUploadCommand({
            ...target,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      }
      return { bytes };
    } catch (error) {
      if (uploadId !== undefined) {
        // Best effort: a store that cannot abort keeps invisible parts until its lifecycle rule removes them.
        await this.client
          .send(new AbortMultipartUploadCommand({ ...target, UploadId: uploadId }))
          .catch(() => undefined);
      }
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return out.Body as Readable;
    } catch (error) {
      if (isMissingObject(error)) throw new StoredFileMissingError(key);
      throw error;
    }
  }

  /** Deleting an object that is not there succeeds, as on the file system driver. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isMissingObject(error)) return false;
      throw error;
    }
  }

  /** Called by Nest when the module closes: releases the HTTP connections. */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}

/** A missing object — never a missing bucket, which is a configuration error and must surface. */
function isMissingObject(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'NoSuchKey' || e?.name === 'NotFound') return true;
  return e?.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket';
}
