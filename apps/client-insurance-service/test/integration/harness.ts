import { randomBytes, randomUUID } from 'node:crypto';
import { connect, NatsConnection, Subscription } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, EventEnvelope } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes,
  ClientInsuranceRpc,
} from '@claimline/contracts/client-insurance';
import { PracticeSettingsEvents, PracticeView } from '@claimline/contracts/practice-settings';
import { DOCUMENTS_SERVICE, DocumentsEvents } from '@claimline/contracts/documents';
import {
  createOutboxAndInbox,
  ensureEventStream,
  EVENT_ENTITIES,
  EventConsumer,
  eventSubject,
} from '@claimline/backend/util-nats';
import { runMigrations } from '@claimline/backend/util-persistence';
import { GatewayTestClient, servePracticeExistence, TestTrust } from '@claimline/backend/util-auth';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
import { clientInsuranceDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
export const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' };

export type Seen = EventEnvelope<ClientInsuranceEvents[keyof ClientInsuranceEvents]>;

/**
 * Everything an integration test of the service needs on the real servers: its own database
 * (migrated), its own event subjects and streams, an RPC client, a second consumer that records
 * every event the service publishes (with an inbox, like any other service would), and a way to
 * publish practice-settings events as that service would.
 */
export class Harness {
  db!: TestDatabase;
  nc!: NatsConnection;
  rpc!: GatewayTestClient<ClientInsuranceRpc>;
  /** Signed requests: a test gateway key, the service's own key, and enrollments (a service that calls it). */
  readonly trust = new TestTrust('client-insurance', ['enrollments']);
  /** Practices the practice-settings stand-in says do not exist. */
  readonly absentPractices = new Set<string>();
  private practiceSettings?: Subscription;
  observerDb!: DataSource;
  observer!: EventConsumer<ClientInsuranceEvents>;
  readonly events = testEventsConfig();
  readonly seen: Seen[] = [];
  readonly phiKey = randomBytes(32).toString('base64');

  async setUp(): Promise<void> {
    this.db = await createTestDatabase();
    await runMigrations(clientInsuranceDataSourceOptions(this.db.url));
    this.nc = await connect({ servers: testNatsUrl() });
    this.rpc = new GatewayTestClient<ClientInsuranceRpc>(this.nc, 10_000, this.events.rpcPrefix, this.trust);
    this.practiceSettings = servePracticeExistence(this.nc, this.events.rpcPrefix, this.absentPractices);
    this.observerDb = new DataSource({
      type: 'postgres',
      url: this.db.url,
      schema: 'observer',
      entities: EVENT_ENTITIES,
    });
    await this.observerDb.initialize();
    await this.observerDb.query('CREATE SCHEMA observer');
    await this.observerDb.query(
      'CREATE TABLE observer.effects (event_id uuid PRIMARY KEY, type text NOT NULL)',
    );
    const qr = this.observerDb.createQueryRunner();
    await createOutboxAndInbox(qr, 'observer');
    await qr.release();
    const record = async (event: Seen, manager: EntityManager) => {
      this.seen.push(event);
      await manager.query('INSERT INTO observer.effects (event_id, type) VALUES ($1, $2)', [
        event.id,
        event.type,
      ]);
    };
    this.observer = new EventConsumer<ClientInsuranceEvents>(this.nc, this.observerDb, {
      durable: 'observer',
      service: 'client-insurance',
      schema: 'observer',
      events: this.events,
      handlers: Object.fromEntries(Object.values(ClientInsuranceEventTypes).map((type) => [type, record])),
    });
    await this.observer.start();
  }

  serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      NATS_URL: testNatsUrl(),
      EVENTS_SUBJECT_PREFIX: this.events.subjectPrefix,
      EVENTS_STREAM_PREFIX: this.events.streamPrefix,
      RPC_SUBJECT_PREFIX: this.events.rpcPrefix,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      PHI_ENCRYPTION_KEY: this.phiKey,
      ...this.trust.serviceEnv(),
      ...extra,
    };
  }

  /** Publishes a practice as practice-settings' outbox relay would (same stream, subject and envelope). */
  async publishPractice(
    type: 'practice-settings.practice.created' | 'practice-settings.practice.updated',
    practice: PracticeView,
  ): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await ensureEventStream(jsm, this.events, 'practice-settings');
    const envelope: EventEnvelope<PracticeSettingsEvents[typeof type]> = {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      aggregateId: practice.id,
      practiceId: practice.id,
      actorId: 'admin-1',
      data: { practice, changed: ['address'] },
    };
    await this.nc
      .jetstream()
      .publish(eventSubject(this.events, type), JSON.stringify(envelope), { msgID: envelope.id });
  }

  /**
   * Publishes a documents event as documents-service's outbox relay would (same stream, subject,
   * envelope and `Nats-Msg-Id`). `msgId` other than the event id plays a redelivery that the
   * stream's duplicate window would not catch (e.g. a republish after a crash, minutes later).
   */
  async publishDocumentEvent<T extends keyof DocumentsEvents>(
    envelope: EventEnvelope<DocumentsEvents[T]> & { type: T },
    msgId = envelope.id,
  ): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await ensureEventStream(jsm, this.events, DOCUMENTS_SERVICE);
    await this.nc
      .jetstream()
      .publish(eventSubject(this.events, envelope.type), JSON.stringify(envelope), { msgID: msgId });
  }

  eventsOf(type: keyof ClientInsuranceEvents, aggregateId?: string): Seen[] {
    return this.seen.filter(
      (e) => e.type === type && (aggregateId === undefined || e.aggregateId === aggregateId),
    );
  }

  async waitForEvent(
    type: keyof ClientInsuranceEvents,
    predicate: (e: Seen) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<Seen> {
    return (await waitFor(
      `a ${type} event`,
      () => this.seen.find((e) => e.type === type && predicate(e)),
      timeoutMs,
    ))!;
  }

  async tearDown(): Promise<void> {
    this.practiceSettings?.unsubscribe();
    await this.observer?.stop();
    await this.observerDb?.destroy();
    if (this.nc) {
      await deleteTestStreams(this.nc, this.events.streamPrefix);
      await this.nc.close();
    }
    await this.db?.drop();
  }
}

export function practiceView(id: string, state: string, version = 1): PracticeView {
  const now = new Date().toISOString();
  return {
    id,
    type: 'group',
    name: `Practice in ${state}`,
    legalName: null,
    phone: '5125550100',
    email: null,
    address: { ...address, state },
    secureMessagingEnabled: false,
    settingsComplete: false,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

export { payerSeedId as seededPayerId } from '../../src/database/migrations/payer-seed';
