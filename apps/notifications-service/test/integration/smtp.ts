import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@claimline/backend/util-testing';

export interface CaughtMail {
  raw: string;
  to: string;
  messageId: string;
  emailId: string;
  subject: string;
  text: string;
  html: string;
  at: number;
}

/** A reply the test server gives at the end of DATA: 250 accepts, 4xx/5xx refuse. */
export type Reply = 250 | 421 | 450 | 451 | 452 | 550 | 552 | 554;

/**
 * A real SMTP server (`smtp-server`) on loopback for the tests: it requires the credentials of
 * the SMTP URL, reads every message to the end, parses it with `mailparser`, and answers as the
 * test planned for that recipient (a queue of replies, then 250; or always the same reply).
 */
export class TestSmtpServer {
  /** Every message the server read to the end, whatever it answered. */
  readonly received: CaughtMail[] = [];
  /** Messages it accepted (answered 250). */
  readonly accepted: CaughtMail[] = [];
  readonly plans = new Map<string, Reply[]>();
  readonly always = new Map<string, Reply>();
  /** Runs before the reply; the crash test holds the reply here. */
  beforeReply: ((mail: CaughtMail) => Promise<void>) | null = null;
  private server: SMTPServer | null = null;

  private constructor(
    readonly port: number,
    readonly user: string,
    readonly pass: string,
  ) {}

  static async start(): Promise<TestSmtpServer> {
    const s = new TestSmtpServer(await freePort(), 'claimline', 'p@ss word');
    await s.listen();
    return s;
  }

  get url(): string {
    return `smtp://${encodeURIComponent(this.user)}:${encodeURIComponent(this.pass)}@127.0.0.1:${this.port}`;
  }

  to(address: string): CaughtMail[] {
    return this.received.filter((m) => m.to === address);
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.pass)
          callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          void (async () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const parsed = await simpleParser(raw);
            const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
            const mail: CaughtMail = {
              raw,
              to,
              messageId: parsed.messageId ?? '',
              emailId: String(parsed.headers.get('x-claimline-email-id') ?? ''),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              at: Date.now(),
            };
            this.received.push(mail);
            const reply: Reply = this.plans.get(to)?.shift() ?? this.always.get(to) ?? 250;
            if (this.beforeReply) await this.beforeReply(mail);
            if (reply === 250) {
              this.accepted.push(mail);
              callback(null, 'Queued');
            } else {
              callback(
                Object.assign(new Error(reply >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
                  responseCode: reply,
                }),
              );
            }
          })().catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
