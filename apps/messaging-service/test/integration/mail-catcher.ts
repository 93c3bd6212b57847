import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@claimline/backend/util-testing';

export interface CaughtMail {
  raw: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/**
 * A real SMTP server (`smtp-server`) on loopback, as the local mail catcher is: no auth, no TLS;
 * each message read to the end, parsed with `mailparser` and answered 250.
 */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<MailCatcher> {
    const catcher = new MailCatcher(await freePort());
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              catcher.mails.push({
                raw,
                to: session.envelope.rcptTo[0]?.address.toLowerCase() ?? '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                messageId: parsed.messageId ?? '',
              });
              callback(null, 'Queued');
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(catcher.port, '127.0.0.1', () => resolve());
    });
    catcher.server = server;
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CaughtMail[] {
    return this.mails.filter((m) => m.to === address);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
