import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { EraSource } from '@claimline/contracts/payments';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { RpcError } from '@claimline/backend/util-nats';
import { EraFileChunkEntity } from './entities/era-file-chunk.entity';
import { EraFileEntity } from './entities/era-file.entity';

/** Bytes per stored chunk: each is encrypted and written on its own, so memory stays at one chunk. */
export const ERA_CHUNK_BYTES = 256 * 1024;

const aad = (fileId: string, seq: number) => `era-file:${fileId}:${seq}`;

/**
 * Keeps a raw ERA file, encrypted chunk by chunk (AES-256-GCM with the PHI key, each chunk bound to
 * its file and place), and reads it back as a stream. The file is stored before it is imported, so
 * every posting links to the bytes it came from, and an import killed midway can be run again.
 */
export class EraFiles {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: PhiCipher,
    private readonly maxBytes: number,
  ) {}

  async store(
    practiceId: string,
    source: EraSource,
    name: string,
    importedBy: string,
    data: AsyncIterable<Uint8Array | string>,
  ): Promise<EraFileEntity> {
    const id = randomUUID();
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    return this.db.transaction(async (m) => {
      // The row first: the chunks reference it.
      const file = m.create(EraFileEntity, {
        id,
        practiceId,
        source,
        name,
        size: 0,
        sha256: '',
        chunkCount: 0,
        importedBy,
      });
      await m.insert(EraFileEntity, file);
      const flush = async () => {
        if (pendingBytes === 0) return;
        const chunk = Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        await m.insert(EraFileChunkEntity, {
          fileId: id,
          seq,
          data: this.cipher.encrypt(chunk.toString('base64'), aad(id, seq)),
        });
        seq++;
      };
      for await (const part of data) {
        const buf = typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part);
        size += buf.length;
        if (size > this.maxBytes)
          throw RpcError.field('file', 'max_bytes', `The ERA file is larger than ${this.maxBytes} bytes`);
        hash.update(buf);
        pending.push(buf);
        pendingBytes += buf.length;
        if (pendingBytes >= ERA_CHUNK_BYTES) await flush();
      }
      await flush();
      if (size === 0) throw RpcError.field('file', 'empty', 'The ERA file is empty');
      file.size = size;
      file.sha256 = hash.digest('hex');
      file.chunkCount = seq;
      await m.update(EraFileEntity, { id }, { size, sha256: file.sha256, chunkCount: seq });
      return file;
    });
  }

  /** The stored file's bytes, decrypted one chunk at a time as the stream is read. */
  open(file: Pick<EraFileEntity, 'id' | 'chunkCount'>): Readable {
    const { db, cipher } = this;
    async function* chunks() {
      for (let seq = 0; seq < file.chunkCount; seq++) {
        const row = await db.manager.findOneByOrFail(EraFileChunkEntity, { fileId: file.id, seq });
        yield Buffer.from(cipher.decrypt(row.data, aad(file.id, seq)), 'base64');
      }
    }
    return Readable.from(chunks());
  }
}
