import { validateEnv } from '@claimline/backend/util-config';
import { NotificationsEnv, redactSmtpUrl } from './env';

const base = { DATABASE_URL: 'postgres://u@h/db', SMTP_URL: 'smtp://mailer:s3cret@mail.example.com:587' };

describe('NotificationsEnv', () => {
  it('takes an SMTP URL, TLS switches and defaults', () => {
    const env = validateEnv('notifications', NotificationsEnv, {
      ...base,
      SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
      SMTP_REQUIRE_TLS: 'true',
    });
    expect(env.SMTP_TLS_REJECT_UNAUTHORIZED).toBe(false);
    expect(env.SMTP_REQUIRE_TLS).toBe(true);
    expect(env.MAIL_FROM).toBe('Claimline <no-reply@claimline.local>');
    expect(env.EMAIL_MAX_ATTEMPTS).toBe(10);
    const defaults = validateEnv('notifications', NotificationsEnv, base);
    expect(defaults.SMTP_TLS_REJECT_UNAUTHORIZED).toBe(true);
    expect(defaults.SMTP_REQUIRE_TLS).toBe(false);
  });

  it('refuses a bad SMTP URL without echoing the secret', () => {
    expect.assertions(5);
    try {
      validateEnv('notifications', NotificationsEnv, {
        ...base,
        SMTP_URL: 'http://mailer:s3cret@mail.example.com',
        SMTP_REQUIRE_TLS: 'maybe',
        CONSOLE_URL: 'console',
      });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('SMTP_URL must use smtp:// or smtps://');
      expect(message).not.toContain('s3cret');
      expect(message).toContain('SMTP_REQUIRE_TLS must be true or false');
      expect(message).toContain('CONSOLE_URL must be an http(s):// URL');
    }
    expect(() => validateEnv('notifications', NotificationsEnv, { DATABASE_URL: base.DATABASE_URL })).toThrow(
      /SMTP_URL must be set/,
    );
  });

  it('redacts the password for logs', () => {
    expect(redactSmtpUrl(base.SMTP_URL)).toBe('smtp://mailer:***@mail.example.com:587');
  });
});
