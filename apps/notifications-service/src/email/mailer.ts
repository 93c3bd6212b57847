import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** What the sender needs from a transport; nodemailer's SMTP transport in production. */
export interface Mailer {
  send(mail: OutgoingEmail): Promise<{ response: string }>;
  close(): void;
}

export interface SmtpOptions {
  url: string;
  rejectUnauthorized: boolean;
  requireTls: boolean;
  timeoutMs: number;
}

/**
 * One SMTP connection per message (no pool): simple to reason about on restarts of either side,
 * and plenty for a practice's notification volume.
 */
export function smtpMailer(options: SmtpOptions): Mailer {
  const transport: Transporter = createTransport({
    url: options.url,
    requireTLS: options.requireTls,
    tls: { rejectUnauthorized: options.rejectUnauthorized },
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
      return { response: String((info as { response?: unknown }).response ?? '') };
    },
    close: () => transport.close(),
  };
}

export type FailureKind = 'permanent' | 'temporary';

/**
 * Permanent when the server refused the message for good: a 5xx reply (except 503, a session
 * hiccup). Temporary otherwise: 4xx replies, connection and TLS errors, timeouts — and
 * authentication failures (535), which are a configuration problem to fix, not a reason to drop
 * the practice's e-mail.
 */
export function classifyFailure(error: unknown): FailureKind {
  const e = error as NodemailerError;
  if (e?.code === 'EAUTH') return 'temporary';
  if (typeof e?.responseCode === 'number')
    return e.responseCode >= 500 && e.responseCode !== 503 ? 'permanent' : 'temporary';
  if (e?.code === 'EENVELOPE' && Array.isArray(e.rejectedErrors) && e.rejectedErrors.length > 0) {
    return e.rejectedErrors.every((r) => classifyFailure(r) === 'permanent') ? 'permanent' : 'temporary';
  }
  return 'temporary';
}

/** A short, single-line description for the e-mail log (never the message itself). */
export function describeFailure(error: unknown): string {
  const e = error as NodemailerError;
  const parts = [
    e?.code,
    e?.responseCode,
    (e?.response ?? e?.message ?? String(error)).toString().replace(/\s+/g, ' '),
  ];
  return parts
    .filter((p) => p !== undefined && p !== null && p !== '')
    .join(' ')
    .slice(0, 500);
}
