import { randomBytes } from 'node:crypto';
import { validateEnv } from '@claimline/backend/util-config';
import { PracticeSettingsEnv } from '../config/env';
import { PhiCipher } from './phi-cipher';

describe('PhiCipher', () => {
  const key = randomBytes(32).toString('base64');

  it('round-trips, never stores the plain text and uses a fresh IV each time', () => {
    const c = new PhiCipher(key);
    const a = c.encrypt('123456789', 'practice-1');
    const b = c.encrypt('123456789', 'practice-1');
    expect(a).not.toContain('123456789');
    expect(a).not.toBe(b);
    expect(c.decrypt(a, 'practice-1')).toBe('123456789');
  });

  it('refuses a ciphertext moved to another record, tampered with, or read with another key', () => {
    const c = new PhiCipher(key);
    const stored = c.encrypt('123456789', 'practice-1');
    expect(() => c.decrypt(stored, 'practice-2')).toThrow();
    const [v, iv, tag, data] = stored.split('.');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => c.decrypt([v, iv, tag, flipped.toString('base64')].join('.'), 'practice-1')).toThrow();
    expect(() => new PhiCipher(randomBytes(32).toString('base64')).decrypt(stored, 'practice-1')).toThrow();
  });
});

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgres://x@localhost/db' };

  it('requires PHI_ENCRYPTION_KEY to be 32 bytes in base64, at boot', () => {
    expect(() => validateEnv('practice-settings', PracticeSettingsEnv, base)).toThrow(/PHI_ENCRYPTION_KEY must be 32 random bytes/);
    expect(() => validateEnv('practice-settings', PracticeSettingsEnv, { ...base, PHI_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrow(
      /PHI_ENCRYPTION_KEY/,
    );
    const env = validateEnv('practice-settings', PracticeSettingsEnv, { ...base, PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    expect(env.READINESS_CONTRIBUTORS).toBe('client-insurance,enrollments,claims');
  });
});
