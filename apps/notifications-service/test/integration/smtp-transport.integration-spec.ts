import { SMTPServer } from 'smtp-server';
import { freePort } from '@claimline/backend/util-testing';
import { classifyFailure, smtpMailer } from '../../src/email/mailer';

/** The TLS switches of the SMTP transport against a real smtp-server offering STARTTLS (its built-in self-signed certificate). */
describe('SMTP transport TLS options (real smtp-server)', () => {
  let port: number;
  let server: SMTPServer;
  const sessions: { secure: boolean; user: string | undefined }[] = [];
  const mail = {
    messageId: '<tls-1@claimline.test>',
    from: 'no-reply@claimline.test',
    to: 'owner@practice.test',
    subject: 'TLS',
    text: 'x',
    html: '<p>x</p>',
    headers: {},
  };

  beforeAll(async () => {
    port = await freePort();
    server = new SMTPServer({
      logger: false,
      onAuth: (auth, _s, cb) => cb(null, { user: auth.username }),
      onData: (stream, session, cb) => {
        stream.resume();
        stream.on('end', () => {
          sessions.push({ secure: session.secure, user: session.user as string | undefined });
          cb(null);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const mailer = (rejectUnauthorized: boolean, requireTls: boolean) =>
    smtpMailer({
      url: `smtp://user:secret@127.0.0.1:${port}`,
      rejectUnauthorized,
      requireTls,
      timeoutMs: 5000,
    });

  it('upgrades with STARTTLS and authenticates when the certificate check is off', async () => {
    const m = mailer(false, true);
    await expect(m.send(mail)).resolves.toMatchObject({ response: expect.stringContaining('250') });
    m.close();
    expect(sessions.at(-1)).toEqual({ secure: true, user: 'user' });
  });

  it('refuses a self-signed certificate by default, as a temporary (retryable) failure', async () => {
    const m = mailer(true, true);
    const error = await m.send(mail).then(
      () => null,
      (e: Error) => e,
    );
    m.close();
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(/certificate/i);
    expect(classifyFailure(error)).toBe('temporary');
  });
});
