import { ChildProcess, spawnSync } from 'node:child_process';
import { builtAppPath, killHard, spawnBuiltApp, waitFor } from '@claimline/backend/util-testing';
import { Harness, memberView, person, practiceView } from './harness';
import { MailCatcher } from './mail-catcher';

/**
 * The unread e-mail end to end on the real servers, with both services as processes built from
 * `dist` (the integration target depends on both builds) and a real SMTP server: messaging is
 * SIGKILLed while every timer is pending, stays down past their due time, and comes back as two
 * replicas; every due e-mail reaches the SMTP server exactly once, a burst in one thread is one
 * e-mail, a message read in time is none, and no e-mail carries the message or a name.
 */
describe('unread e-mail survives a crash and runs once with two replicas', () => {
  const h = new Harness({ trusts: ['notifications'], env: { UNREAD_EMAIL_DELAY_SECONDS: '3' } });
  let smtp: MailCatcher;
  const procs = new Set<ChildProcess>();
  const practice = practiceView(true);
  const owner = person('practice_owner', [practice.id], 'owner@quietharbor.test', 'Dana Rivera');
  const biller = person('billing_staff', [practice.id], 'biller@billing.test', 'Billing Team');
  const clinician = person('clinician', [practice.id], 'sam@quietharbor.test', 'Sam Lee');

  const notificationsEnv = () => {
    const gateway = h.trust.keys('api-gateway').publicKey;
    return {
      ...h.serviceEnv(),
      RPC_SIGNING_KEY: h.trust.keys('notifications').privateKey,
      RPC_TRUSTED_KEYS: `api-gateway=${gateway}`,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Claimline <no-reply@claimline.test>',
      CONSOLE_URL: 'https://console.claimline.test',
      EMAIL_POLL_MS: '100',
      LOG_LEVEL: 'error',
    };
  };

  const run = (app: string, env: Record<string, string>): ChildProcess => {
    const proc = spawnBuiltApp(app, env, { stdio: ['ignore', 'ignore', 'inherit'] });
    procs.add(proc);
    proc.once('exit', () => procs.delete(proc));
    return proc;
  };

  const kill = killHard;

  const messagingUp = () =>
    waitFor(
      'messaging to answer',
      () =>
        h.rpc.ping('messaging.health.ping', 1000).then(
          () => true,
          () => false,
        ),
      30_000,
    );

  const post = (actor: typeof owner, threadId: string, text: string) =>
    h.rpc.send('messaging.message.post', { practiceId: practice.id, threadId, text }, { actor: actor.actor });

  const thread = (who: typeof owner, other: typeof owner, text: string) =>
    h.rpc.send(
      'messaging.thread.create',
      {
        practiceId: practice.id,
        subject: 'Claim for Jane Doe',
        participants: [who.participant, other.participant],
        message: { text },
      },
      { actor: who.actor },
    );

  beforeAll(async () => {
    builtAppPath('messaging-service');
    await h.setUp();
    smtp = await MailCatcher.start();
    const migrated = spawnSync(process.execPath, [builtAppPath('notifications-service', 'migrate.js')], {
      env: { ...process.env, ...notificationsEnv() },
      encoding: 'utf8',
    });
    if (migrated.status !== 0) throw new Error(`notifications migrations failed: ${migrated.stderr}`);
    run('notifications-service', notificationsEnv());
    await h.publishPractice(practice);
    await h.publishMember(memberView(practice.id, 'owner@quietharbor.test', true));
    await h.publishMember(memberView(practice.id, 'sam@quietharbor.test', true));
  });

  afterAll(async () => {
    for (const p of [...procs]) await kill(p);
    await smtp?.stop();
    await h.tearDown();
  });

  it('e-mails every due recipient exactly once after kill -9 and a restart as two replicas', async () => {
    const first = run('messaging-service', h.serviceEnv());
    await messagingUp();
    await h.practiceSwitch(practice.id, true);
    await waitFor('both members known', async () => {
      const rows: unknown[] = await h.sql.query(
        'SELECT 1 FROM messaging.member_ref WHERE practice_id = $1 AND secure_messaging_enabled',
        [practice.id],
      );
      return rows.length === 2;
    });

    // A burst of three messages from the owner to the biller: one e-mail.
    const burst = await thread(owner, biller, 'Jane Doe was seen for F41.1 on the 12th');
    await post(owner, burst.id, 'Member ID W123456789');
    await post(owner, burst.id, 'Please resubmit');
    // The biller writes to the owner and the clinician; the clinician reads in time.
    const reply = await thread(biller, owner, 'Which payer for Jane Doe?');
    const group = await h.rpc.send(
      'messaging.thread.create',
      {
        practiceId: practice.id,
        subject: 'Team',
        participants: [biller.participant, owner.participant, clinician.participant],
        message: { text: 'Anyone free?' },
      },
      { actor: biller.actor },
    );
    await h.rpc.send(
      'messaging.thread.mark-read',
      { practiceId: practice.id, threadId: group.id },
      { actor: clinician.actor },
    );

    await kill(first);
    const pending = await h.sql.query(
      `SELECT count(*)::int AS n FROM messaging.unread_email WHERE done_at IS NULL`,
    );
    // burst: 3 × biller; reply: 1 × owner; group: owner (the clinician's was closed as read).
    expect(pending[0].n).toBe(5);
    // Down past every due time.
    await new Promise((r) => setTimeout(r, 4000));
    expect(smtp.mails).toHaveLength(0);

    run('messaging-service', h.serviceEnv());
    run('messaging-service', h.serviceEnv());
    await waitFor('the e-mails', () => smtp.mails.length >= 3, 45_000);
    // Both replicas keep polling for a while: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 3000));

    expect(smtp.to('biller@billing.test')).toHaveLength(1);
    // One for the reply thread, one for the group thread: at most one per message and recipient.
    expect(smtp.to('owner@quietharbor.test')).toHaveLength(2);
    expect(smtp.to('sam@quietharbor.test')).toHaveLength(0);
    expect(smtp.mails).toHaveLength(3);
    for (const mail of smtp.mails) {
      expect(mail.subject).toBe('You have a new secure message');
      expect(mail.text).toContain('https://console.claimline.test/practices/');
      for (const phi of ['Jane Doe', 'F41.1', 'W123456789', 'Dana', 'Billing Team', 'Quiet Harbor']) {
        expect(mail.raw).not.toContain(phi);
      }
    }
    expect(smtp.to('biller@billing.test')[0].text).toContain(`/messages/${burst.id}`);

    const outcomes: { outcome: string; n: number }[] = await h.sql.query(
      `SELECT outcome, count(*)::int AS n FROM messaging.unread_email GROUP BY outcome ORDER BY outcome`,
    );
    expect(outcomes).toEqual([
      { outcome: 'emailed', n: 5 },
      { outcome: 'read', n: 1 },
    ]);
    // One event per (thread, recipient), named on each of its timers.
    const events: { n: number }[] = await h.sql.query(
      `SELECT count(DISTINCT event_id)::int AS n FROM messaging.unread_email WHERE outcome = 'emailed'`,
    );
    expect(events[0].n).toBe(3);
    expect(reply.id).not.toBe(burst.id);
  });
});
