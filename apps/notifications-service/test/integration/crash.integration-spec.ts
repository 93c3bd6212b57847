import { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { builtAppPath, killHard, spawnBuiltApp, waitFor } from '@claimline/backend/util-testing';
import { Harness, memberView, practiceView } from './harness';
import { CaughtMail, TestSmtpServer } from './smtp';

/**
 * The service killed (SIGKILL) after the SMTP server accepted an e-mail but before the service
 * recorded it as sent. The service runs as a real process built from `dist` (the integration
 * target depends on the build). To hit the window deterministically the test holds a row lock
 * on the e-mail while the SMTP server answers 250: the service's "sent" UPDATE waits on it, the
 * test kills the process, then lets go. The e-mail must not be lost: a new process sends it
 * again once the lease has run out, with the same Message-ID (at-least-once).
 */
describe('notifications service killed between "sent" and "recorded"', () => {
  const h = new Harness();
  let smtp: TestSmtpServer;
  let child: ChildProcess | null = null;
  const practice = practiceView('Quiet Harbor Counseling', null);
  const owner = memberView(practice.id, 'owner@quietharbor.test', 'owner');

  const startService = async (): Promise<ChildProcess> => {
    return spawnBuiltApp(
      'notifications-service',
      h.serviceEnv({ SMTP_URL: smtp.url, EMAIL_LEASE_MS: '1500' }),
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  };

  const kill = killHard;

  beforeAll(async () => {
    builtAppPath('notifications-service');
    await h.setUp();
    smtp = await TestSmtpServer.start();
    child = await startService();
    await h.seedPractice(practice, [owner]);
  });

  afterAll(async () => {
    if (child) await kill(child);
    await smtp?.stop();
    await h.tearDown();
  });

  it('sends the e-mail again after a restart, with the same Message-ID, and records it once', async () => {
    const first = child!;
    const locker = new Client({ connectionString: h.db.url });
    await locker.connect();
    let held: CaughtMail | null = null;
    smtp.beforeReply = async (mail) => {
      if (held) return;
      held = mail;
      // Lock the row before answering 250, so the service cannot record the outcome.
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM notifications.email WHERE id = $1 FOR UPDATE', [mail.emailId]);
    };

    const event = h.enrollmentEvent(practice.id, 'document_required');
    await h.publish('enrollments', event);
    // The service got 250 and now waits on the lock to record "sent".
    await waitFor('the service to wait on the row lock', async () => {
      const rows: unknown[] = await h.sql.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'notifications-service'
           AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE "notifications"."email" SET "status" = ''sent''%'`,
      );
      return rows.length === 1;
    });
    expect(smtp.accepted).toHaveLength(1);

    await kill(first);
    await h.sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'notifications-service'`,
    );
    await locker.query('ROLLBACK');
    await locker.end();

    const [stranded] = await h.emailsOfEvent(event.id);
    expect(stranded).toMatchObject({ status: 'pending', attempts: 1, recipient: 'owner@quietharbor.test' });

    child = await startService();
    const [row] = await h.waitForStatus(event.id, 'sent', 1, 30_000);
    expect(row.attempts).toBe(2);
    const copies = smtp.accepted.filter((m) => m.emailId === row.id);
    expect(copies).toHaveLength(2);
    expect(copies[0].messageId).toBe(`<${row.id}@claimline.test>`);
    expect(copies[1].messageId).toBe(copies[0].messageId);
    expect(await h.emailsOfEvent(event.id)).toHaveLength(1);
  });
});
