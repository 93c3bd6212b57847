import { Matches, registerDecorator } from 'class-validator';
import { BaseServiceEnv, IsEnvFlag, IsEnvInt } from '@claimline/backend/util-config';

export const SERVICE_NAME = 'notifications';
export const SCHEMA = 'notifications';

/** Why an SMTP URL is not usable, or null. Never echoes the URL (it may hold a password). */
export function smtpUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0)
    return 'must be set, e.g. smtp://user:pass@mail.example.com:587';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL (expected smtp://user:pass@host:587 or smtps://…:465)';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return `must use smtp:// or smtps://, not ${url.protocol}//`;
  if (!url.hostname) return 'has no host';
  if (url.username && !url.password) return 'names a user without a password';
  return null;
}

/** The URL with its password replaced, for logs. */
export function redactSmtpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable SMTP_URL)';
  }
}

function IsSmtpUrl(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'smtpUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => smtpUrlProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${smtpUrlProblem(args?.value)}`,
      },
    });
}

export class NotificationsEnv extends BaseServiceEnv {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS from the start). A secret: never logged whole. */
  @IsSmtpUrl()
  SMTP_URL: string;

  /** Refuse a server certificate that does not verify (self-signed, wrong host). Only a local catcher turns this off. */
  @IsEnvFlag()
  SMTP_TLS_REJECT_UNAUTHORIZED: boolean = true;

  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  @IsEnvFlag()
  SMTP_REQUIRE_TLS: boolean = false;

  /** The From header, e.g. `Claimline <no-reply@claimline.example>`; its domain also names the Message-IDs. */
  @Matches(/^(?:[^<>]*<)?[^\s@<>]+@([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+>?$/, {
    message: 'MAIL_FROM must be an address, optionally with a name: Claimline <no-reply@example.com>',
  })
  MAIL_FROM: string = 'Claimline <no-reply@claimline.local>';

  /** Base URL of the console, for the "sign in to see it" links. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'CONSOLE_URL must be an http(s):// URL' })
  CONSOLE_URL: string = 'http://localhost:3000';

  /** How often the sender looks for due e-mails. */
  @IsEnvInt(10, 60_000)
  EMAIL_POLL_MS: number = 1000;

  /** E-mails claimed per round. */
  @IsEnvInt(1, 100)
  EMAIL_BATCH_SIZE: number = 10;

  /** Attempts (temporary failures) before an e-mail is marked failed. */
  @IsEnvInt(1, 50)
  EMAIL_MAX_ATTEMPTS: number = 10;

  /** First retry delay; doubles per attempt up to EMAIL_RETRY_MAX_MS (±20 % jitter). */
  @IsEnvInt(10)
  EMAIL_RETRY_BASE_MS: number = 30_000;

  @IsEnvInt(10)
  EMAIL_RETRY_MAX_MS: number = 3_600_000;

  /**
   * How long a claimed e-mail stays reserved for the worker that claimed it. A worker that dies
   * mid-send leaves the row pending; another picks it up once the lease has run out. Must exceed
   * SMTP_TIMEOUT_MS × 3 (connect, greeting, data) so a slow but live send is not sent twice.
   */
  @IsEnvInt(500)
  EMAIL_LEASE_MS: number = 180_000;

  /** Connection, greeting and socket timeout of one SMTP conversation. */
  @IsEnvInt(100, 120_000)
  SMTP_TIMEOUT_MS: number = 30_000;
}
