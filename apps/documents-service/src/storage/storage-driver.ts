import type { Readable } from 'node:stream';

/** Where encrypted document files live. Keys are opaque (the document id); drivers never see plaintext. */
export interface StorageDriver {
  /** Recorded on each document row (`local`, `s3`), so a later migration knows where its file is. */
  readonly name: string;
  /** Stores the whole stream under `key`, atomically: a failed write leaves nothing behind. */
  write(key: string, data: Readable): Promise<{ bytes: number }>;
  /** The stored bytes; fails with `StoredFileMissingError` if there are none. */
  read(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

export class StoredFileMissingError extends Error {
  constructor(key: string) {
    super(`No stored file for ${key}`);
    this.name = 'StoredFileMissingError';
  }
}
