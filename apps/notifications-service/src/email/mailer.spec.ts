import { classifyFailure, describeFailure } from './mailer';
import { domainOf, messageIdOf, retryDelayMs } from './email-sender';

const smtpError = (responseCode: number, response: string) =>
  Object.assign(new Error(response), { code: 'EMESSAGE', responseCode, response });

describe('delivery failures', () => {
  it('treats 5xx as permanent, 4xx, 503, auth and connection errors as temporary', () => {
    expect(classifyFailure(smtpError(550, '550 5.1.1 mailbox unavailable'))).toBe('permanent');
    expect(classifyFailure(smtpError(554, '554 rejected'))).toBe('permanent');
    expect(classifyFailure(smtpError(451, '451 4.3.0 try later'))).toBe('temporary');
    expect(classifyFailure(smtpError(421, '421 closing'))).toBe('temporary');
    expect(classifyFailure(smtpError(503, '503 bad sequence'))).toBe('temporary');
    expect(classifyFailure(Object.assign(new Error('auth'), { code: 'EAUTH', responseCode: 535 }))).toBe(
      'temporary',
    );
    expect(classifyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(
      'temporary',
    );
    expect(classifyFailure(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))).toBe(
      'temporary',
    );
    expect(
      classifyFailure(
        Object.assign(new Error('all recipients rejected'), {
          code: 'EENVELOPE',
          rejectedErrors: [smtpError(550, '550 no such user')],
        }),
      ),
    ).toBe('permanent');
  });

  it('describes a failure on one line', () => {
    expect(describeFailure(smtpError(451, '451 4.3.0\r\ntry later'))).toBe(
      'EMESSAGE 451 451 4.3.0 try later',
    );
  });
});

describe('sending', () => {
  it('derives a stable Message-ID from the e-mail row id and the sender domain', () => {
    expect(domainOf('Claimline <no-reply@Mail.Example.com>')).toBe('mail.example.com');
    expect(domainOf('no-reply@example.org')).toBe('example.org');
    expect(messageIdOf('a1', 'example.org')).toBe('<a1@example.org>');
  });

  it('backs off exponentially with jitter, capped', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 60_000, mid))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20, 1000, 60_000, mid)).toBe(60_000);
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1200);
  });
});
