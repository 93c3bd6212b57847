import { randomBytes } from 'node:crypto';
import { validateEnv } from '@claimline/backend/util-config';
import { PracticeSettingsEnv } from './env';

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgres://x@localhost/db' };

  it('requires PHI_ENCRYPTION_KEY to be 32 bytes in base64, at boot', () => {
    expect(() => validateEnv('practice-settings', PracticeSettingsEnv, base)).toThrow(
      /PHI_ENCRYPTION_KEY is required: 32 random bytes/,
    );
    expect(() =>
      validateEnv('practice-settings', PracticeSettingsEnv, {
        ...base,
        PHI_ENCRYPTION_KEY: randomBytes(16).toString('base64'),
      }),
    ).toThrow(/PHI_ENCRYPTION_KEY/);
    const env = validateEnv('practice-settings', PracticeSettingsEnv, {
      ...base,
      PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(env.READINESS_CONTRIBUTORS).toBe('client-insurance,enrollments,claims');
  });
});
