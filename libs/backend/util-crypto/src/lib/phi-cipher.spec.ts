import { randomBytes } from 'node:crypto';
import { PhiCipher, phiKeyProblem } from './phi-cipher';

describe('PhiCipher', () => {
  const key = randomBytes(32).toString('base64');
  const cipher = new PhiCipher(key);

  it('round-trips, never stores the plaintext, and uses a fresh IV each time', () => {
    const a = cipher.encrypt('XYZ123456789', 'policy-1');
    const b = cipher.encrypt('XYZ123456789', 'policy-1');
    expect(a).not.toContain('XYZ123456789');
    expect(a).not.toEqual(b);
    expect(cipher.decrypt(a, 'policy-1')).toBe('XYZ123456789');
  });

  it('refuses a ciphertext moved to another row or tampered with', () => {
    const token = cipher.encrypt('XYZ123', 'policy-1');
    expect(() => cipher.decrypt(token, 'policy-2')).toThrow();
    const [v, iv, tag, body] = token.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([v, iv, tag, flipped.toString('base64')].join('.'), 'policy-1')).toThrow();
  });

  it('gives a stable blind index per key, different for another key or kind', () => {
    expect(cipher.blindIndex('member-id', 'XYZ123')).toBe(cipher.blindIndex('member-id', 'XYZ123'));
    expect(cipher.blindIndex('member-id', 'XYZ123')).not.toBe(cipher.blindIndex('ssn', 'XYZ123'));
    expect(new PhiCipher(randomBytes(32).toString('base64')).blindIndex('member-id', 'XYZ123')).not.toBe(
      cipher.blindIndex('member-id', 'XYZ123'),
    );
  });

  it('validates the configured key', () => {
    expect(phiKeyProblem(key)).toBeNull();
    expect(phiKeyProblem(undefined)).toContain('required');
    expect(phiKeyProblem(randomBytes(16).toString('base64'))).toContain('decodes to 16 bytes');
    expect(phiKeyProblem('not base64!')).toContain('must be base64');
  });
});
