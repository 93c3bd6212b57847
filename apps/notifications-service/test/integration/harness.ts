import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Actor, EventEnvelope } from '@claimline/contracts/common';
import { EnrollmentsEventTypes, EnrollmentStatusChangedEvent } from '@claimline/contracts/enrollments';
import { NotificationsRpc } from '@claimline/contracts/notifications';
import { PracticeSettingsEvents, PracticeView, TeamMemberView } from '@claimline/contracts/practice-settings';
import { ensureEventStream, eventSubject } from '@claimline/backend/util-nats';
import { GatewayTestClient, servePracticeExistence, TestTrust } from '@claimline/backend/util-auth';
import { runMigrations } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
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
 * What an integration test of the service needs on the real servers: its own migrated database,
 * its own event subjects and streams, an RPC client, a plain connection to read the tables, and
 * publishers that put practice-settings and enrollments events on JetStream exactly as those
 * services' outbox relays do (their stream, subject and envelope).
 */
export class Harness {
  db!: TestDatabase;
  nc!: NatsConnection;
  rpc!: GatewayTestClient<NotificationsRpc>;
  /** Signed requests: a test gateway key and the service's own key. */
  readonly trust = new TestTrust('notifications');
  /** Practices the practice-settings stand-in says do not exist. */
  readonly absentPractices = new Set<string>();
  sql!: DataSource;
  readonly events = testEventsConfig();

  async setUp(): Promise<void> {
    this.db = await createTestDatabase();
    await runMigrations(notificationsDataSourceOptions(this.db.url));
    this.nc = await connect({ servers: testNatsUrl() });
    this.rpc = new GatewayTestClient<NotificationsRpc>(this.nc, 10_000, this.events.rpcPrefix, this.trust);
    servePracticeExistence(this.nc, this.events.rpcPrefix, this.absentPractices);
    this.sql = new DataSource({ type: 'postgres', url: this.db.url, applicationName: 'notifications-test' });
    await this.sql.initialize();
  }

  serviceEnv(smtpUrl: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      NATS_URL: testNatsUrl(),
      EVENTS_SUBJECT_PREFIX: this.events.subjectPrefix,
      EVENTS_STREAM_PREFIX: this.events.streamPrefix,
      RPC_SUBJECT_PREFIX: this.events.rpcPrefix,
      LOG_LEVEL: 'error',
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Claimline <no-reply@claimline.test>',
      CONSOLE_URL: 'https://console.claimline.test',
      EMAIL_POLL_MS: '100',
      EMAIL_RETRY_BASE_MS: '200',
      EMAIL_RETRY_MAX_MS: '1000',
      EMAIL_MAX_ATTEMPTS: '4',
      SMTP_TIMEOUT_MS: '5000',
      ...this.trust.serviceEnv(),
      ...extra,
    };
  }

  /** Publishes an envelope on its producer's stream; `msgID` defaults to the event id, as relays do. */
  async publish<T>(service: string, envelope: EventEnvelope<T>, msgID: string = envelope.id): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await ensureEventStream(jsm, this.events, service);
    await this.nc
      .jetstream()
      .publish(eventSubject(this.events, envelope.type), JSON.stringify(envelope), { msgID });
  }

  envelope<T>(type: string, aggregateId: string, practiceId: string, data: T): EventEnvelope<T> {
    return {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      aggregateId,
      practiceId,
      actorId: 'user-1',
      data,
    };
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
    await waitFor('the practice read model', async () => {
      const [p] = await this.sql.query('SELECT 1 FROM notifications.practice_ref WHERE practice_id = $1', [
        practice.id,
      ]);
      const [{ n }] = await this.sql.query(
        'SELECT count(*)::int AS n FROM notifications.team_member_ref WHERE practice_id = $1',
        [practice.id],
      );
      return p && n === members.length;
    });
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

  async tearDown(): Promise<void> {
    await this.sql?.destroy();
    if (this.nc) {
      await deleteTestStreams(this.nc, this.events.streamPrefix);
      await this.nc.close();
    }
    await this.db?.drop();
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
