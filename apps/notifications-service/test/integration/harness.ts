import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import { Actor } from '@claimline/contracts/common';
import { EnrollmentsEventTypes, EnrollmentStatusChangedEvent } from '@claimline/contracts/enrollments';
import { NotificationsRpc } from '@claimline/contracts/notifications';
import { PracticeSettingsEvents, PracticeView, TeamMemberView } from '@claimline/contracts/practice-settings';
import { runMigrations } from '@claimline/backend/util-persistence';
import { ServiceHarness } from '@claimline/backend/util-service-testing';
import { waitFor } from '@claimline/backend/util-testing';
import { AppModule } from '../../src/app.module';
import { NotificationsEnv } from '../../src/config/env';
import { notificationsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };

export interface EmailRow {
  id: string;
  event_id: string;
  recipient: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  subject: string;
  locked_until: Date | null;
}

/**
 * notifications on the real servers, with the practice-settings existence check and publishers
 * that put practice-settings and enrollments events on JetStream exactly as those services'
 * outbox relays do. Its environment needs `SMTP_URL` (a `TestSmtpServer`).
 */
export class Harness extends ServiceHarness<NotificationsRpc> {
  constructor() {
    super({
      service: 'notifications',
      migrate: (url) => runMigrations(notificationsDataSourceOptions(url)),
      practiceExistence: true,
      env: {
        LOG_LEVEL: 'error',
        MAIL_FROM: 'Claimline <no-reply@claimline.test>',
        CONSOLE_URL: 'https://console.claimline.test',
        EMAIL_POLL_MS: '100',
        EMAIL_RETRY_BASE_MS: '200',
        EMAIL_RETRY_MAX_MS: '1000',
        EMAIL_MAX_ATTEMPTS: '4',
        SMTP_TIMEOUT_MS: '5000',
      },
    });
  }

  start(smtpUrl: string, extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(NotificationsEnv, (env) => AppModule.register(env), { SMTP_URL: smtpUrl, ...extra });
  }

  async publishPractice(practice: PracticeView): Promise<void> {
    const type = 'practice-settings.practice.created';
    const data: PracticeSettingsEvents[typeof type] = { practice, changed: ['name'] };
    await this.publish('practice-settings', this.envelope(type, practice.id, practice.id, data));
  }

  async publishMember(member: TeamMemberView): Promise<void> {
    const type = 'practice-settings.team-member.added';
    const data: PracticeSettingsEvents[typeof type] = { member, changed: ['email'] };
    await this.publish('practice-settings', this.envelope(type, member.id, member.practiceId, data));
  }

  /** Publishes a practice with its team and waits until the read model holds all of it. */
  async seedPractice(practice: PracticeView, members: TeamMemberView[]): Promise<void> {
    await this.publishPractice(practice);
    for (const m of members) await this.publishMember(m);
    await waitFor(
      'the practice read model',
      async () => {
        const [p] = await this.sql.query('SELECT 1 FROM notifications.practice_ref WHERE practice_id = $1', [
          practice.id,
        ]);
        const [{ n }] = await this.sql.query(
          'SELECT count(*)::int AS n FROM notifications.team_member_ref WHERE practice_id = $1',
          [practice.id],
        );
        return p && n === members.length;
      },
      // A service run from dist may still be starting (the crash test): the time events get elsewhere.
      20_000,
    );
  }

  enrollmentEvent(
    practiceId: string,
    to: EnrollmentStatusChangedEvent['to'],
    extra: Partial<EnrollmentStatusChangedEvent> = {},
  ) {
    const enrollmentId = randomUUID();
    return this.envelope<EnrollmentStatusChangedEvent>(
      EnrollmentsEventTypes.statusChanged,
      enrollmentId,
      practiceId,
      {
        enrollmentId,
        practiceId,
        payerId: randomUUID(),
        payerName: 'Aetna',
        type: 'claim_filing',
        from: 'submitted',
        to,
        reason: null,
        changedBy: 'staff-1',
        changedAt: new Date().toISOString(),
        ...extra,
      },
    );
  }

  async emails(where = 'true', params: unknown[] = []): Promise<EmailRow[]> {
    return this.sql.query(
      `SELECT * FROM notifications.email WHERE ${where} ORDER BY created_at, recipient`,
      params,
    );
  }

  async emailsOfEvent(eventId: string): Promise<EmailRow[]> {
    return this.emails('event_id = $1', [eventId]);
  }

  async waitForStatus(
    eventId: string,
    status: EmailRow['status'],
    count = 1,
    timeoutMs = 20_000,
  ): Promise<EmailRow[]> {
    return waitFor(
      `${count} ${status} e-mail(s) of event ${eventId}`,
      async () => {
        const rows = await this.emailsOfEvent(eventId);
        return rows.length === count && rows.every((r) => r.status === status) ? rows : null;
      },
      timeoutMs,
    ) as Promise<EmailRow[]>;
  }
}

export function practiceView(name: string, email: string | null): PracticeView {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'group',
    name,
    legalName: null,
    phone: '5125550100',
    email,
    address: { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' },
    secureMessagingEnabled: false,
    settingsComplete: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function memberView(practiceId: string, email: string, role: TeamMemberView['role']): TeamMemberView {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    practiceId,
    firstName: 'Pat',
    lastName: 'Member',
    email,
    role,
    credentials: [],
    npi: null,
    taxonomyCode: null,
    secureMessagingEnabled: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
