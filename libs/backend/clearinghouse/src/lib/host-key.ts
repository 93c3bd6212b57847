import { createHash } from 'node:crypto';

/** OpenSSH's fingerprint of a public key blob: `SHA256:` + unpadded base64 of its SHA-256. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * Whether the key the server showed (its public key blob, as ssh2's hostVerifier gets it) is
 * the pinned one: the same `type base64` key, or the same SHA256 fingerprint.
 */
export function hostKeyMatches(pinned: string, keyBlob: Buffer): boolean {
  const value = pinned.trim();
  if (value.startsWith('SHA256:')) return fingerprintOf(keyBlob) === value.replace(/=+$/, '');
  const [, base64] = value.split(/\s+/);
  if (!base64) return false;
  const expected = Buffer.from(base64, 'base64');
  return expected.length === keyBlob.length && expected.equals(keyBlob);
}
