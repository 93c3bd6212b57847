import { createCipheriv, createDecipheriv, DecipherGCM, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { PhiCipher } from '@claimline/backend/util-crypto';

/**
 * Envelope encryption of document content (AES-256-GCM).
 *
 * Each file gets its own random 256-bit data key. The data key is wrapped (encrypted) with the
 * service key through `PhiCipher` (AES-256-GCM under a key derived from `PHI_ENCRYPTION_KEY`),
 * bound to the document id, and stored in the `document` row; the file holds only ciphertext.
 * Losing the database row loses the file; copying a file next to another row does not decrypt.
 *
 * File layout: `CLDOC1` (6 bytes) ‖ IV (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes).
 */
export const FILE_MAGIC = Buffer.from('CLDOC1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class DocumentIntegrityError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DocumentIntegrityError';
  }
}

export class EnvelopeCipher {
  private readonly phi: PhiCipher;

  constructor(serviceKeyBase64: string) {
    this.phi = new PhiCipher(serviceKeyBase64);
  }

  /** A fresh data key and its wrapped form (to store with the document's metadata). */
  newDataKey(documentId: string): { key: Buffer; wrapped: string } {
    const key = randomBytes(KEY_BYTES);
    return { key, wrapped: this.phi.encrypt(key.toString('base64'), wrapAad(documentId)) };
  }

  unwrap(wrapped: string, documentId: string): Buffer {
    try {
      return Buffer.from(this.phi.decrypt(wrapped, wrapAad(documentId)), 'base64');
    } catch {
      throw new DocumentIntegrityError('its data key cannot be unwrapped with the service key');
    }
  }

  /** Plaintext in, file bytes out. */
  encryptStream(key: Buffer, documentId: string): Transform {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(documentId, 'utf8'));
    let started = false;
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        if (!started) {
          started = true;
          this.push(Buffer.concat([FILE_MAGIC, iv]));
        }
        done(null, cipher.update(chunk));
      },
      flush(done: TransformCallback) {
        if (!started) this.push(Buffer.concat([FILE_MAGIC, iv]));
        const last = cipher.final();
        done(null, Buffer.concat([last, cipher.getAuthTag()]));
      },
    });
  }

  /**
   * File bytes in, plaintext out. The GCM tag is checked only at the end: the stream then fails
   * with `DocumentIntegrityError`, so callers must not release what they wrote before it ends.
   */
  decryptStream(key: Buffer, documentId: string): Transform {
    let header = Buffer.alloc(0);
    let decipher: DecipherGCM | null = null;
    let held = Buffer.alloc(0);
    const headerBytes = FILE_MAGIC.length + IV_BYTES;
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        let data = chunk;
        if (!decipher) {
          header = Buffer.concat([header, data]);
          if (header.length < headerBytes) return done();
          if (!header.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC))
            return done(new DocumentIntegrityError('the stored file is not in the expected format'));
          decipher = createDecipheriv('aes-256-gcm', key, header.subarray(FILE_MAGIC.length, headerBytes));
          decipher.setAAD(Buffer.from(documentId, 'utf8'));
          data = header.subarray(headerBytes);
        }
        // hold back the last TAG_BYTES: they may be the tag
        const all = Buffer.concat([held, data]);
        const cut = Math.max(0, all.length - TAG_BYTES);
        held = Buffer.from(all.subarray(cut));
        done(null, cut > 0 ? decipher.update(all.subarray(0, cut)) : undefined);
      },
      flush(done: TransformCallback) {
        if (!decipher || held.length < TAG_BYTES)
          return done(new DocumentIntegrityError('the stored file is truncated'));
        try {
          decipher.setAuthTag(held);
          done(null, decipher.final());
        } catch {
          done(
            new DocumentIntegrityError(
              'the stored file does not match its authentication tag (altered or corrupted)',
            ),
          );
        }
      },
    });
  }
}

function wrapAad(documentId: string): string {
  return `document-data-key:${documentId}`;
}
