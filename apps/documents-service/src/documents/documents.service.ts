import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor, canSeePractice } from '@claimline/contracts/common';
import {
  DocumentsEvents,
  DocumentsEventTypes as Events,
  DocumentView,
  OpenDocumentResult,
  RegisterDocumentCommand,
} from '@claimline/contracts/documents';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { currentRequestId } from '@claimline/backend/util-service';
import { disguiseProblem, HeadTail } from '../content/content-type';
import { DocumentIntegrityError, EnvelopeCipher } from '../crypto/envelope';
import { DocumentsEnv } from '../config/env';
import { STORAGE_DRIVER, StorageDriver, StoredFileMissingError } from '../storage/storage-driver';
import { TransferBucket } from '@claimline/backend/util-nats';
import { toDocumentView } from './document.mapper';
import { DocumentEntity } from './entities/document.entity';

export const ENVELOPE_CIPHER = Symbol('ENVELOPE_CIPHER');
export const TRANSFER_BUCKET = Symbol('TRANSFER_BUCKET');
export const STORAGE_DRIVER_NAME = 'local';

class TooLargeError extends Error {}

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('DocumentsService');
  private readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<DocumentsEvents>,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    @Inject(ENVELOPE_CIPHER) private readonly envelope: EnvelopeCipher,
    @Inject(TRANSFER_BUCKET) private readonly transfer: TransferBucket,
    env: DocumentsEnv,
  ) {
    this.maxBytes = env.DOCUMENT_MAX_BYTES;
  }

  /**
   * Takes an uploaded transfer object in: streams it once through the checks (size, magic
   * numbers, SHA-256) and the encryption into the storage driver, then records it. The transfer
   * object is deleted whatever the outcome.
   */
  async register(actor: Actor, cmd: RegisterDocumentCommand): Promise<DocumentView> {
    try {
      if (!canSeePractice(actor, cmd.practiceId)) throw RpcError.notFound('Practice', cmd.practiceId);
      return await this.store(actor, cmd);
    } finally {
      await this.transfer.delete(cmd.transferObject).catch((e: Error) => this.logger.warn(`Could not delete ${cmd.transferObject}: ${e.message}`));
    }
  }

  private async store(actor: Actor, cmd: RegisterDocumentCommand): Promise<DocumentView> {
    const upload = await this.transfer.open(cmd.transferObject);
    if (!upload) throw RpcError.field('file', 'required', 'The uploaded file was not found (it may have expired); send it again');
    if (upload.size > this.maxBytes) {
      upload.stream.destroy();
      throw this.tooLarge(upload.size);
    }
    const id = randomUUID();
    const { key, wrapped } = this.envelope.newDataKey(id);
    const seen = new HeadTail();
    const hash = createHash('sha256');
    const max = this.maxBytes;
    const inspect = new Transform({
      transform(chunk: Buffer, _e, done) {
        seen.push(chunk);
        hash.update(chunk);
        if (seen.size > max) return done(new TooLargeError());
        done(null, chunk);
      },
    });
    const source = chain(upload.stream, inspect, this.envelope.encryptStream(key, id));
    try {
      await this.storage.write(id, source.stream);
    } catch (error) {
      await this.storage.delete(id);
      if (seen.size > max || source.failure() instanceof TooLargeError) throw this.tooLarge(seen.size);
      throw source.failure() ?? error;
    }
    try {
      const sniffed = seen.sniff();
      if (!sniffed.ok) throw RpcError.field('file', 'content_type', sniffed.reason);
      const disguise = disguiseProblem(sniffed.contentType, cmd.name, cmd.declaredContentType);
      if (disguise) throw RpcError.field('file', 'content_type', disguise);
      return await this.db.transaction(async (m) => {
        const doc = m.create(DocumentEntity, {
          id,
          practiceId: cmd.practiceId,
          linkedType: cmd.linkedType,
          linkedId: cmd.linkedId,
          kind: cmd.kind,
          originalName: cmd.name,
          sizeBytes: seen.size,
          contentType: sniffed.contentType,
          sha256: hash.digest('hex'),
          storageDriver: STORAGE_DRIVER_NAME,
          storageKey: id,
          wrappedKey: wrapped,
          uploadedBy: actor.userId,
          uploadedAt: new Date(),
          deletedAt: null,
          deletedBy: null,
        });
        await m.insert(DocumentEntity, doc);
        const view = toDocumentView(doc);
        await this.outbox.add(m, actor, { type: Events.documentUploaded, aggregateId: id, practiceId: view.practiceId, data: { document: view } }, currentRequestId());
        return view;
      });
    } catch (error) {
      await this.storage.delete(id);
      throw error;
    }
  }

  async get(actor: Actor, practiceId: string, documentId: string): Promise<DocumentView> {
    return toDocumentView(await this.find(this.db.manager, actor, practiceId, documentId));
  }

  /**
   * Decrypts the stored file into a temporary transfer object and answers with its name only
   * after the GCM tag, the size and the SHA-256 all match: a damaged or altered file is reported
   * (log, `integrity-failed` event, error to the caller) and its partial copy deleted, never served.
   */
  async open(actor: Actor, practiceId: string, documentId: string): Promise<OpenDocumentResult> {
    const doc = await this.find(this.db.manager, actor, practiceId, documentId);
    const name = `download/${randomUUID()}`;
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _e, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      const key = this.envelope.unwrap(doc.wrappedKey, doc.id);
      const stored = await this.storage.read(doc.storageKey);
      const plain = chain(stored, this.envelope.decryptStream(key, doc.id), measure);
      try {
        await this.transfer.put(name, plain.stream);
      } catch (error) {
        throw plain.failure() ?? error;
      }
      // the put may end before the pipeline reports a failure of its last chunk
      const late = await plain.done;
      if (late) throw late;
      const digest = hash.digest('hex');
      if (size !== doc.sizeBytes || digest !== doc.sha256) {
        throw new DocumentIntegrityError(`its content does not match the recorded checksum (size ${size}, expected ${doc.sizeBytes})`);
      }
      return { document: toDocumentView(doc), transferObject: name };
    } catch (error) {
      await this.transfer.delete(name).catch(() => undefined);
      const reason =
        error instanceof DocumentIntegrityError ? error.message : error instanceof StoredFileMissingError ? 'its stored file is missing' : null;
      if (reason === null) throw error;
      await this.reportIntegrityFailure(actor, doc, reason);
      throw new RpcError({
        code: 'internal',
        message: `Document ${doc.id} failed its integrity check and is not served: ${reason}`,
        details: { reason: 'integrity' },
      });
    }
  }

  /** Soft delete: the row and the encrypted file stay (retention); the document is no longer listed or served. */
  async remove(actor: Actor, practiceId: string, documentId: string): Promise<{ removed: true }> {
    return this.db.transaction(async (m) => {
      const doc = await this.find(m, actor, practiceId, documentId, true);
      doc.deletedAt = new Date();
      doc.deletedBy = actor.userId;
      await m.save(doc);
      await this.outbox.add(
        m,
        actor,
        { type: Events.documentRemoved, aggregateId: doc.id, practiceId: doc.practiceId, data: { documentId: doc.id, practiceId: doc.practiceId, linkedType: doc.linkedType, linkedId: doc.linkedId } },
        currentRequestId(),
      );
      return { removed: true as const };
    });
  }

  /** Another practice's document answers exactly like a missing one. */
  private async find(m: EntityManager, actor: Actor, practiceId: string, documentId: string, lock = false): Promise<DocumentEntity> {
    if (!canSeePractice(actor, practiceId)) throw RpcError.notFound('Document', documentId);
    const doc = await m.findOne(DocumentEntity, {
      where: { id: documentId, practiceId, deletedAt: IsNull() },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!doc) throw RpcError.notFound('Document', documentId);
    return doc;
  }

  private async reportIntegrityFailure(actor: Actor, doc: DocumentEntity, reason: string): Promise<void> {
    this.logger.error(`Document ${doc.id} of practice ${doc.practiceId} failed its integrity check: ${reason}`);
    await this.db
      .transaction((m) =>
        this.outbox.add(
          m,
          actor,
          { type: Events.documentIntegrityFailed, aggregateId: doc.id, practiceId: doc.practiceId, data: { documentId: doc.id, practiceId: doc.practiceId, reason } },
          currentRequestId(),
        ),
      )
      .catch((e: Error) => this.logger.error(`Could not record the integrity failure of ${doc.id}: ${e.message}`));
  }

  private tooLarge(size: number): RpcError {
    const mb = (this.maxBytes / (1024 * 1024)).toFixed(this.maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return RpcError.field('file', 'max_size', `The file is larger than the limit of ${mb} MB (${this.maxBytes} bytes); it has at least ${size} bytes`);
  }
}

/**
 * Pipes `streams` into one readable and remembers the first error of any stage, so a caller that
 * sees only "premature close" downstream still learns the real cause (too large, altered file).
 */
function chain(...streams: NodeJS.ReadableStream[]): { stream: Readable; failure: () => Error | undefined; done: Promise<Error | undefined> } {
  const out = new PassThrough();
  let first: Error | undefined;
  const done = pipeline([...(streams as never[]), out]).then(
    () => undefined,
    (error: Error) => {
      first ??= error;
      out.destroy(error);
      return first;
    },
  );
  for (const s of streams) (s as Readable).once('error', (e: Error) => (first ??= e));
  return { stream: out, failure: () => first, done };
}
