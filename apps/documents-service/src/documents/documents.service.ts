import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Page, Principal, principalId } from '@claimline/contracts/common';
import {
  DocumentContentType,
  DocumentsEvents,
  DocumentsEventTypes as Events,
  DocumentView,
  ListDocumentsQuery,
  OpenDocumentCommand,
  OpenDocumentResult,
  RegisterDocumentCommand,
} from '@claimline/contracts/documents';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { findInPractice } from '@claimline/backend/util-persistence';
import { PracticeScope } from '@claimline/backend/util-auth';
import { disguiseProblem, HeadTail } from '../content/content-type';
import { activeContentReason, PdfActiveContent, uninspectableReason } from '../content/pdf-active-content';
import { DocumentIntegrityError, EnvelopeCipher } from '../crypto/envelope';
import { DocumentsEnv } from '../config/env';
import {
  ImagePreview,
  ImagePreviewer,
  ImageTooManyPixelsError,
  ImageUnreadableError,
} from '../preview/image-preview';
import { STORAGE_DRIVER, StorageDriver, StoredFileMissingError } from '../storage/storage-driver';
import { TransferBucket } from '@claimline/backend/util-nats';
import { toDocumentView } from './document.mapper';
import { DocumentEntity } from './entities/document.entity';

export const ENVELOPE_CIPHER = Symbol('ENVELOPE_CIPHER');
export const TRANSFER_BUCKET = Symbol('TRANSFER_BUCKET');
export const IMAGE_PREVIEWER = Symbol('IMAGE_PREVIEWER');
const DEFAULT_PAGE = 50;
const TYPE_NAMES: Record<DocumentContentType, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'application/pdf': 'PDF',
};

class TooLargeError extends Error {}

interface StoredPreview extends Omit<ImagePreview, 'data'> {
  storageKey: string;
  sizeBytes: number;
  sha256: string;
}

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
    @Inject(IMAGE_PREVIEWER) private readonly previewer: ImagePreviewer,
    private readonly scope: PracticeScope,
    env: DocumentsEnv,
  ) {
    this.maxBytes = env.DOCUMENT_MAX_BYTES;
  }

  /**
   * Takes an uploaded transfer object in: streams it once through the checks (size, magic
   * numbers, SHA-256) and the encryption into the storage driver; for a JPEG or PNG, decodes it
   * (refusing an image whose pixels cannot be read or are too many) into a stored preview; then
   * records it. The transfer object is deleted whatever the outcome, and so are the files of a
   * refused upload.
   */
  async register(actor: Principal, cmd: RegisterDocumentCommand): Promise<DocumentView> {
    try {
      await this.scope.check(actor, cmd.practiceId);
      return await this.store(actor, cmd);
    } finally {
      await this.transfer
        .delete(cmd.transferObject)
        .catch((e: Error) => this.logger.warn(`Could not delete ${cmd.transferObject}: ${e.message}`));
    }
  }

  private async store(actor: Principal, cmd: RegisterDocumentCommand): Promise<DocumentView> {
    const upload = await this.transfer.open(cmd.transferObject);
    if (!upload)
      throw RpcError.field(
        'file',
        'required',
        'The uploaded file was not found (it may have expired); send it again',
      );
    if (upload.size > this.maxBytes) {
      upload.stream.destroy();
      throw this.tooLarge(upload.size);
    }
    const id = randomUUID();
    const { key, wrapped } = this.envelope.newDataKey(id);
    const seen = new HeadTail();
    const active = new PdfActiveContent();
    const hash = createHash('sha256');
    const max = this.maxBytes;
    const inspect = new Transform({
      transform(chunk: Buffer, _e, done) {
        seen.push(chunk);
        active.push(chunk);
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
    let preview: StoredPreview | null = null;
    try {
      const sniffed = seen.sniff();
      if (!sniffed.ok) throw RpcError.field('file', 'content_type', sniffed.reason);
      const disguise = disguiseProblem(sniffed.contentType, cmd.name, cmd.declaredContentType);
      if (disguise) throw RpcError.field('file', 'content_type', disguise);
      active.end();
      if (sniffed.contentType === 'application/pdf' && active.found)
        throw RpcError.field('file', 'active_content', activeContentReason(active.found));
      if (sniffed.contentType === 'application/pdf' && active.uninspectable)
        throw RpcError.field('file', 'active_content', uninspectableReason(active.uninspectable));
      const sha256 = hash.digest('hex');
      if (sniffed.contentType !== 'application/pdf')
        preview = await this.storePreview(id, key, seen.size, sniffed.contentType);
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
          sha256,
          storageDriver: this.storage.name,
          storageKey: id,
          wrappedKey: wrapped,
          uploadedBy: principalId(actor),
          uploadedAt: new Date(),
          previewStorageKey: preview?.storageKey ?? null,
          previewContentType: preview?.contentType ?? null,
          previewSizeBytes: preview?.sizeBytes ?? null,
          previewSha256: preview?.sha256 ?? null,
          previewWidth: preview?.width ?? null,
          previewHeight: preview?.height ?? null,
          deletedAt: null,
          deletedBy: null,
        });
        await m.insert(DocumentEntity, doc);
        const view = toDocumentView(doc);
        await this.outbox.add(m, actor, {
          type: Events.documentUploaded,
          aggregateId: id,
          practiceId: view.practiceId,
          data: { document: view },
        });
        return view;
      });
    } catch (error) {
      await this.storage.delete(id);
      if (preview) await this.storage.delete(preview.storageKey);
      throw error;
    }
  }

  /**
   * Reads the just-stored original back (decrypting it: the GCM tag proves it is what was written)
   * into one buffer, makes the preview and stores it encrypted with the document's data key, under
   * its own IV and its own key as associated data (so neither file can stand in for the other).
   * Inside a decoding slot: at most `DOCUMENT_PREVIEW_CONCURRENCY` originals are in memory at once.
   */
  private async storePreview(
    id: string,
    key: Buffer,
    size: number,
    type: DocumentContentType,
  ): Promise<StoredPreview> {
    let made: ImagePreview;
    try {
      made = await this.previewer.withSlot(async () =>
        this.previewer.make(await this.readWhole(id, key, id, size)),
      );
    } catch (error) {
      if (error instanceof ImageTooManyPixelsError) {
        const mp = (n: number) => `${Math.round(n / 100_000) / 10} megapixels`;
        const dims = `${error.width} × ${error.height} pixels (${mp(error.width * error.height)})`;
        throw RpcError.field(
          'file',
          'max_pixels',
          `The image is ${dims}; at most ${mp(error.limit)} are accepted`,
        );
      }
      if (error instanceof ImageUnreadableError) {
        throw RpcError.field(
          'file',
          'content_type',
          `The file starts and ends like a ${TYPE_NAMES[type]} but its pixels cannot be read (${error.detail}); it is damaged or not really an image`,
        );
      }
      throw error;
    }
    const storageKey = randomUUID();
    const encrypted = chain(Readable.from([made.data]), this.envelope.encryptStream(key, storageKey));
    try {
      await this.storage.write(storageKey, encrypted.stream);
    } catch (error) {
      await this.storage.delete(storageKey);
      throw encrypted.failure() ?? error;
    }
    return {
      storageKey,
      contentType: made.contentType,
      width: made.width,
      height: made.height,
      sizeBytes: made.data.length,
      sha256: createHash('sha256').update(made.data).digest('hex'),
    };
  }

  /** A stored file, decrypted into one buffer of its known size (the preview needs the whole image). */
  private async readWhole(storageKey: string, key: Buffer, aad: string, size: number): Promise<Buffer> {
    const whole = Buffer.allocUnsafe(size);
    let at = 0;
    const plain = chain(await this.storage.read(storageKey), this.envelope.decryptStream(key, aad));
    for await (const chunk of plain.stream as AsyncIterable<Buffer>) {
      if (at + chunk.length > size) throw new DocumentIntegrityError('its content is longer than recorded');
      chunk.copy(whole, at);
      at += chunk.length;
    }
    const late = await plain.done;
    if (late) throw late;
    if (at !== size) throw new DocumentIntegrityError('its content is shorter than recorded');
    return whole;
  }

  /** Documents of a practice, not deleted, newest first; another practice's answer an empty page, like an unknown one. */
  async list(actor: Principal, query: ListDocumentsQuery): Promise<Page<DocumentView>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.db.manager.findAndCount(DocumentEntity, {
      where: {
        practiceId: query.practiceId,
        deletedAt: IsNull(),
        ...(query.linkedType && { linkedType: query.linkedType }),
        ...(query.linkedId && { linkedId: query.linkedId }),
        ...(query.kind && { kind: query.kind }),
      },
      order: { uploadedAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toDocumentView), total, limit, offset };
  }

  async get(actor: Principal, practiceId: string, documentId: string): Promise<DocumentView> {
    return toDocumentView(await this.find(this.db.manager, actor, practiceId, documentId));
  }

  /**
   * Decrypts the stored file (or its preview) into a temporary transfer object and answers with
   * its name only after the GCM tag, the size and the SHA-256 all match: a damaged or altered file
   * is reported (log, `integrity-failed` event, error to the caller) and its partial copy deleted,
   * never served. A PDF has no preview: asking for one answers `not_found`, saying so.
   */
  async open(actor: Principal, cmd: OpenDocumentCommand): Promise<OpenDocumentResult> {
    const doc = await this.find(this.db.manager, actor, cmd.practiceId, cmd.documentId);
    const target = contentOf(doc, cmd.size ?? 'original');
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
      const stored = await this.storage.read(target.storageKey);
      const plain = chain(stored, this.envelope.decryptStream(key, target.aad), measure);
      try {
        await this.transfer.put(name, plain.stream);
      } catch (error) {
        throw plain.failure() ?? error;
      }
      // the put may end before the pipeline reports a failure of its last chunk
      const late = await plain.done;
      if (late) throw late;
      const digest = hash.digest('hex');
      if (size !== target.sizeBytes || digest !== target.sha256) {
        throw new DocumentIntegrityError(
          `its content does not match the recorded checksum (size ${size}, expected ${target.sizeBytes})`,
        );
      }
      return {
        document: toDocumentView(doc),
        transferObject: name,
        content: {
          size: target.size,
          contentType: target.contentType,
          sizeBytes: target.sizeBytes,
          fileName: target.fileName,
        },
      };
    } catch (error) {
      await this.transfer.delete(name).catch(() => undefined);
      const cause =
        error instanceof DocumentIntegrityError
          ? error.message
          : error instanceof StoredFileMissingError
            ? 'its stored file is missing'
            : null;
      if (cause === null) throw error;
      const reason = target.size === 'preview' ? `its preview: ${cause}` : cause;
      await this.reportIntegrityFailure(actor, doc, reason);
      throw new RpcError({
        code: 'internal',
        message: `Document ${doc.id} failed its integrity check and is not served: ${reason}`,
        details: { reason: 'integrity' },
      });
    }
  }

  /** Soft delete: the row and the encrypted file stay (retention); the document is no longer listed or served. */
  async remove(actor: Principal, practiceId: string, documentId: string): Promise<{ removed: true }> {
    return this.db.transaction(async (m) => {
      const doc = await this.find(m, actor, practiceId, documentId, true);
      doc.deletedAt = new Date();
      doc.deletedBy = principalId(actor);
      await m.save(doc);
      await this.outbox.add(m, actor, {
        type: Events.documentRemoved,
        aggregateId: doc.id,
        practiceId: doc.practiceId,
        data: {
          documentId: doc.id,
          practiceId: doc.practiceId,
          linkedType: doc.linkedType,
          linkedId: doc.linkedId,
        },
      });
      return { removed: true as const };
    });
  }

  /** Another practice's document answers exactly like a missing one. */
  private find(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    documentId: string,
    lock = false,
  ): Promise<DocumentEntity> {
    return findInPractice(m, DocumentEntity, 'Document', practiceId, documentId, {
      lock,
      where: { deletedAt: IsNull() },
    });
  }

  private async reportIntegrityFailure(actor: Principal, doc: DocumentEntity, reason: string): Promise<void> {
    this.logger.error(
      `Document ${doc.id} of practice ${doc.practiceId} failed its integrity check: ${reason}`,
    );
    await this.db
      .transaction((m) =>
        this.outbox.add(m, actor, {
          type: Events.documentIntegrityFailed,
          aggregateId: doc.id,
          practiceId: doc.practiceId,
          data: { documentId: doc.id, practiceId: doc.practiceId, reason },
        }),
      )
      .catch((e: Error) =>
        this.logger.error(`Could not record the integrity failure of ${doc.id}: ${e.message}`),
      );
  }

  private tooLarge(size: number): RpcError {
    const mb = (this.maxBytes / (1024 * 1024)).toFixed(this.maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return RpcError.field(
      'file',
      'max_size',
      `The file is larger than the limit of ${mb} MB (${this.maxBytes} bytes); it has at least ${size} bytes`,
    );
  }
}

/** Where the original or the preview of a document is, what it must match, and how to offer it. */
function contentOf(doc: DocumentEntity, size: 'original' | 'preview') {
  if (size === 'original') {
    return {
      size,
      storageKey: doc.storageKey,
      aad: doc.id,
      sizeBytes: doc.sizeBytes,
      sha256: doc.sha256,
      contentType: doc.contentType as string,
      fileName: doc.originalName,
    };
  }
  if (
    !doc.previewStorageKey ||
    doc.previewSizeBytes === null ||
    doc.previewSha256 === null ||
    doc.previewContentType === null
  ) {
    throw new RpcError({
      code: 'not_found',
      message:
        doc.contentType === 'application/pdf'
          ? `Document ${doc.id} is a PDF: there is no preview of a PDF; ask for the original (size=original)`
          : `Document ${doc.id} has no preview (it was stored before previews were made); ask for the original (size=original)`,
      details: { reason: 'no_preview' },
    });
  }
  const stem = doc.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return {
    size,
    storageKey: doc.previewStorageKey,
    aad: doc.previewStorageKey,
    sizeBytes: doc.previewSizeBytes,
    sha256: doc.previewSha256,
    contentType: doc.previewContentType as string,
    fileName: `${stem}-preview.jpg`,
  };
}

/**
 * Pipes `streams` into one readable and remembers the first error of any stage, so a caller that
 * sees only "premature close" downstream still learns the real cause (too large, altered file).
 */
function chain(...streams: NodeJS.ReadableStream[]): {
  stream: Readable;
  failure: () => Error | undefined;
  done: Promise<Error | undefined>;
} {
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
