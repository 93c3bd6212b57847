import { Actor } from '@claimline/contracts/common';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { admin, Harness, memberView, practiceView } from './harness';
import { TestSmtpServer } from './smtp';

const PHI = ['Jane Doe', 'W123456789', 'F41.1', 'generalized anxiety'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notifications service (real PostgreSQL, NATS JetStream and SMTP server)', () => {
  const h = new Harness();
  let smtp: TestSmtpServer;

  // Practice A: no practice e-mail; one owner, one clinician. Practice B: an e-mail and two owners.
  const a = practiceView('Calm Minds Counseling', null);
  const aOwner = memberView(a.id, 'Alice.Owner@calm-minds.test', 'owner');
  const aClinician = memberView(a.id, 'bob.clinician@calm-minds.test', 'clinician');
  const b = practiceView('Bright Path Therapy', 'Front-Desk@brightpath.test');
  const bOwner1 = memberView(b.id, 'carol@brightpath.test', 'owner');
  const bOwner2 = memberView(b.id, 'dan@brightpath.test', 'owner');
  const bStaff = memberView(b.id, 'erin@brightpath.test', 'staff');
  const ownerOfB: Actor = { userId: 'owner-b', role: 'practice_owner', practiceIds: [b.id] };

  beforeAll(async () => {
    await h.setUp();
    smtp = await TestSmtpServer.start();
    await h.start(smtp.url);
    await h.seedPractice(a, [aOwner, aClinician]);
    await h.seedPractice(b, [bOwner1, bOwner2, bStaff]);
  });

  afterAll(async () => {
    await h.tearDown();
    await smtp?.stop();
  });

  it('e-mails exactly one message to the owner for a document_required change, with no PHI in it', async () => {
    const event = h.enrollmentEvent(a.id, 'document_required', {
      reason: 'Payer needs the W-9 for claim of Jane Doe, member W123456789, dx F41.1 generalized anxiety',
      changedBy: 'Jane Doe',
    });
    await h.publish('enrollments', event);
    const [row] = await h.waitForStatus(event.id, 'sent');
    expect(row).toMatchObject({ recipient: 'alice.owner@calm-minds.test', attempts: 1, last_error: null });

    await waitFor(
      'the message at the SMTP server',
      () => smtp.to('alice.owner@calm-minds.test').length === 1,
    );
    await sleep(500); // nothing else trickles in
    const mails = smtp.received.filter((m) => m.emailId === row.id);
    expect(mails).toHaveLength(1);
    expect(smtp.to('bob.clinician@calm-minds.test')).toHaveLength(0);
    const [mail] = mails;
    expect(mail.subject).toBe('An enrollment with Aetna needs a document');
    expect(mail.text).toContain('An enrollment with Aetna needs a document — sign in to see it.');
    expect(mail.text).toContain(`https://console.claimline.test/practices/${a.id}/enrollments`);
    expect(mail.html).toContain(`href="https://console.claimline.test/practices/${a.id}/enrollments"`);
    expect(mail.messageId).toBe(`<${row.id}@claimline.test>`);
    expect(mail.raw).toMatch(/^From: Claimline <no-reply@claimline\.test>/m);
    for (const phi of PHI) expect(mail.raw).not.toContain(phi);
  });

  it('e-mails every owner and the practice address once each, not staff; ignores statuses that warrant none', async () => {
    const quiet = h.enrollmentEvent(b.id, 'submitted', { from: 'enroll' });
    const event = h.enrollmentEvent(b.id, 'accepted');
    await h.publish('enrollments', quiet);
    await h.publish('enrollments', event);
    const rows = await h.waitForStatus(event.id, 'sent', 3);
    expect(rows.map((r) => r.recipient).sort()).toEqual([
      'carol@brightpath.test',
      'dan@brightpath.test',
      'front-desk@brightpath.test',
    ]);
    await waitFor(
      'the inbox to hold the quiet event',
      async () =>
        (await h.sql.query('SELECT 1 FROM notifications.inbox WHERE event_id = $1', [quiet.id])).length === 1,
    );
    expect(await h.emailsOfEvent(quiet.id)).toHaveLength(0);
    expect(smtp.to('erin@brightpath.test')).toHaveLength(0);
    const subjects = smtp.received.filter((m) => rows.some((r) => r.id === m.emailId)).map((m) => m.subject);
    expect(subjects).toEqual(Array(3).fill('Your claim filing enrollment with Aetna was accepted'));
  });

  it('sends once when the same event is delivered twice', async () => {
    const event = h.enrollmentEvent(a.id, 'rejected');
    // Two JetStream messages with the same envelope (different msgIDs, so the stream keeps both).
    await h.publish('enrollments', event, `${event.id}-1`);
    await h.publish('enrollments', event, `${event.id}-2`);
    const [row] = await h.waitForStatus(event.id, 'sent');
    await waitFor('both deliveries to be acknowledged', async () => {
      const info = await (
        await h.nc.jetstreamManager()
      ).consumers.info(`${h.events.streamPrefix}_ENROLLMENTS`, 'notifications-enrollments');
      return info.num_ack_pending === 0 && info.num_pending === 0 && info.delivered.stream_seq >= 2;
    });
    await sleep(500);
    expect(await h.emailsOfEvent(event.id)).toHaveLength(1);
    expect(smtp.received.filter((m) => m.emailId === row.id)).toHaveLength(1);
  });

  it('retries a 4xx refusal with back-off and delivers once', async () => {
    smtp.plans.set('alice.owner@calm-minds.test', [451, 451]);
    const event = h.enrollmentEvent(a.id, 'accepted');
    await h.publish('enrollments', event);
    const [row] = await h.waitForStatus(event.id, 'sent');
    expect(row.attempts).toBe(3);
    const tries = smtp.received.filter((m) => m.emailId === row.id);
    expect(tries).toHaveLength(3);
    expect(smtp.accepted.filter((m) => m.emailId === row.id)).toHaveLength(1);
    expect(new Set(tries.map((m) => m.messageId)).size).toBe(1);
    // back-off: ~200 ms then ~400 ms (±20 %)
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(150);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(300);
  });

  it('records a 5xx as failed at once and does not retry it', async () => {
    smtp.always.set('dan@brightpath.test', 550);
    const event = h.enrollmentEvent(b.id, 'rejected');
    await h.publish('enrollments', event);
    await waitFor('the 5xx to be recorded', async () =>
      (await h.emailsOfEvent(event.id)).find(
        (r) => r.recipient === 'dan@brightpath.test' && r.status === 'failed',
      ),
    );
    await sleep(1500); // several retry periods
    const dan = (await h.emailsOfEvent(event.id)).find((r) => r.recipient === 'dan@brightpath.test')!;
    expect(dan).toMatchObject({ status: 'failed', attempts: 1 });
    expect(dan.last_error).toContain('550');
    const danRow = smtp.received.filter((m) => m.emailId === dan.id);
    expect(danRow).toHaveLength(1);
    // the other recipients of the same event are not affected
    expect((await h.emailsOfEvent(event.id)).filter((r) => r.status === 'sent')).toHaveLength(2);
    smtp.always.delete('dan@brightpath.test');
  });

  it('gives up on a temporary refusal after EMAIL_MAX_ATTEMPTS, recording why', async () => {
    smtp.always.set('carol@brightpath.test', 452);
    const event = h.enrollmentEvent(b.id, 'document_required');
    await h.publish('enrollments', event);
    const carol = (await waitFor(
      'carol to be given up on',
      async () =>
        (await h.emailsOfEvent(event.id)).find(
          (r) => r.recipient === 'carol@brightpath.test' && r.status === 'failed',
        ),
      20_000,
    ))!;
    expect(carol.attempts).toBe(4);
    expect(carol.last_error).toMatch(/^gave up after 4 attempts: .*452/);
    expect(smtp.received.filter((m) => m.emailId === carol.id)).toHaveLength(4);
    smtp.always.delete('carol@brightpath.test');
  });

  it('keeps e-mails while the SMTP server is down and delivers them when it is back', async () => {
    await smtp.stop();
    const event = h.enrollmentEvent(a.id, 'accepted', { payerName: 'Cigna' });
    await h.publish('enrollments', event);
    const failed = await waitFor('a failed connection attempt', async () => {
      const [row] = await h.emailsOfEvent(event.id);
      return row && row.attempts >= 1 && row.status === 'pending' && row.last_error ? row : null;
    });
    expect(failed!.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    await smtp.listen();
    const [row] = await h.waitForStatus(event.id, 'sent', 1, 30_000);
    expect(smtp.accepted.filter((m) => m.emailId === row.id)).toHaveLength(1);
  });

  it('lets an owner turn a notification off for one recipient, and only admins read the e-mail log', async () => {
    const prefs = await h.rpc.send(
      'notifications.preferences.get',
      { practiceId: b.id },
      { actor: ownerOfB },
    );
    expect(prefs.recipients).toEqual([
      {
        email: 'carol@brightpath.test',
        sources: ['owner'],
        notifications: { 'enrollment-status': true, 'secure-message': true },
      },
      {
        email: 'dan@brightpath.test',
        sources: ['owner'],
        notifications: { 'enrollment-status': true, 'secure-message': true },
      },
      {
        email: 'front-desk@brightpath.test',
        sources: ['practice'],
        notifications: { 'enrollment-status': true, 'secure-message': true },
      },
    ]);
    const updated = await h.rpc.send(
      'notifications.preferences.update',
      { practiceId: b.id, email: 'Dan@BrightPath.test', notifications: { 'enrollment-status': false } },
      { actor: ownerOfB },
    );
    expect(updated).toEqual({
      email: 'dan@brightpath.test',
      sources: ['owner'],
      notifications: { 'enrollment-status': false, 'secure-message': true },
    });
    const notRecipient = await rpcError(
      h.rpc.send(
        'notifications.preferences.update',
        { practiceId: b.id, email: 'erin@brightpath.test', notifications: { 'enrollment-status': false } },
        { actor: ownerOfB },
      ),
    );
    expect(notRecipient).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'email', rule: 'not_recipient' }],
    });
    expect(
      await rpcError(h.rpc.send('notifications.preferences.get', { practiceId: a.id }, { actor: ownerOfB })),
    ).toMatchObject({ code: 'not_found' });

    const event = h.enrollmentEvent(b.id, 'accepted', { payerName: 'Humana' });
    await h.publish('enrollments', event);
    const rows = await h.waitForStatus(event.id, 'sent', 2);
    expect(rows.map((r) => r.recipient).sort()).toEqual([
      'carol@brightpath.test',
      'front-desk@brightpath.test',
    ]);

    expect(await rpcError(h.rpc.send('notifications.email.list', {}, { actor: ownerOfB }))).toMatchObject({
      code: 'forbidden',
    });
    const failed = await h.rpc.send(
      'notifications.email.list',
      { status: 'failed', limit: 10 },
      { actor: admin },
    );
    expect(failed.items.map((e) => e.recipient).sort()).toEqual([
      'carol@brightpath.test',
      'dan@brightpath.test',
    ]);
    expect(failed.total).toBe(2);
    const page = await h.rpc.send('notifications.email.list', { limit: 2, offset: 0 }, { actor: admin });
    expect(page).toMatchObject({ limit: 2, offset: 0 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe((await h.emails()).length);
    expect(page.items[0]).toMatchObject({
      eventId: event.id,
      status: 'sent',
      attempts: 1,
      kind: 'enrollment-status',
      template: 'enrollment-status',
      lastError: null,
    });
    expect(page.items[0].messageId).toBe(`<${page.items[0].id}@claimline.test>`);
    expect(page.items[0]).not.toHaveProperty('textBody');
    const bad = await rpcError(
      h.rpc.send('notifications.email.list', { status: 'bounced' as never }, { actor: admin }),
    );
    expect(bad).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'status' })],
    });
    expect(await h.rpc.ping('notifications.health.ping')).toEqual({
      ok: true,
      service: 'notifications',
    });
  });
});
