import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Application-level encryption of PHI fields (AES-256-GCM) and a keyed blind index
 * (HMAC-SHA256) to find a value by exact match without decrypting every row. Used by every
 * service that stores PHI (SSNs, member IDs, enrollment requests).
 *
 * Both keys are derived from the one configured secret with HKDF under different labels, so the
 * index key never encrypts and the encryption key never indexes. Ciphertexts are versioned
 * (`v1.`) to leave room for key rotation.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

export function phiKeyProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '')
    return 'is required: 32 random bytes in base64 (openssl rand -base64 32)';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim())) return 'must be base64 (openssl rand -base64 32)';
  const length = Buffer.from(value.trim(), 'base64').length;
  if (length !== 32)
    return `must be 32 bytes encoded in base64; it decodes to ${length} bytes (openssl rand -base64 32)`;
  return null;
}

export class PhiCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(secretBase64: string) {
    const problem = phiKeyProblem(secretBase64);
    if (problem) throw new Error(`PHI encryption key ${problem}`);
    const secret = Buffer.from(secretBase64.trim(), 'base64');
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', secret, Buffer.alloc(0), 'claimline/phi/aes-256-gcm', 32),
    );
    this.indexKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'claimline/phi/blind-index', 32));
  }

  /** `aad` binds the ciphertext to its row (e.g. the policy id), so it cannot be moved to another. */
  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join('.');
  }

  decrypt(token: string, aad: string): string {
    const [version, iv, tag, body] = token.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined)
      throw new Error('Unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash of a normalised value, labelled by what it is (`member-id`). */
  blindIndex(kind: string, normalisedValue: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalisedValue}`, 'utf8').digest('hex');
  }
}
