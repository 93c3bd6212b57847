import { randomBytes, randomUUID } from 'node:crypto';
import { connect, JSONCodec, NatsConnection, Subscription } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, EventEnvelope, Principal, RpcErrorBody } from '@claimline/contracts/common';
import { DocumentView } from '@claimline/contracts/documents';
import { ClientInsuranceEvents, PayerView } from '@claimline/contracts/client-insurance';
import { EnrollmentsEvents, EnrollmentsEventTypes, EnrollmentsRpc } from '@claimline/contracts/enrollments';
import { BillingProfileView, PracticeView, TeamMemberView } from '@claimline/contracts/practice-settings';
import {
  createOutboxAndInbox,
  ensureEventStream,
  EVENT_ENTITIES,
  EventConsumer,
  eventSubject,
} from '@claimline/backend/util-nats';
import { claimsOf, GatewayTestClient, TestTrust } from '@claimline/backend/util-auth';
import { runMigrations } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
import { enrollmentsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
export const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701-1234' };

export type Seen = EventEnvelope<EnrollmentsEvents[keyof EnrollmentsEvents]>;

const codec = JSONCodec<unknown>();

export function payer(
  name: string,
  flags: Pick<PayerView, 'claimFilingEnrollmentRequired' | 'eraSupported' | 'eraEnrollmentRequired'>,
  version = 1,
): PayerView {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    key: null,
    name,
    aliases: [],
    payerIds: { default: randomBytes(3).toString('hex').toUpperCase().slice(0, 5) },
    kind: 'commercial',
    states: [],
    region: null,
    isBcbs: false,
    ...flags,
    verified: false,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

export function practiceView(id: string, legalName: string | null): PracticeView {
  const now = new Date().toISOString();
  return {
    id,
    type: 'group',
    name: 'Riverbend',
    legalName,
    phone: '5125550100',
    email: 'office@riverbend.test',
    address,
    secureMessagingEnabled: false,
    settingsComplete: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function billingProfile(
  practiceId: string,
  over: Partial<BillingProfileView> = {},
): BillingProfileView {
  return {
    practiceId,
    billAs: 'organization',
    organizationNpi: '1234567893',
    taxId: { kind: 'ein', display: '12-3456789', masked: false },
    taxonomyCode: '101YP2500X',
    taxonomyName: 'Counselor, Professional',
    billingAddress: address,
    payToAddress: null,
    serviceFacilityLocation: { enabled: false, required: false, reason: null },
    version: 1,
    updatedAt: new Date().toISOString(),
    ...over,
  };
}

/**
 * The real PostgreSQL and NATS, a migrated database of the service's own, private event
 * subjects and streams, an observer consumer recording every enrollments event, and stand-ins for
 * the services enrollments asks: client-insurance (payer directory) and practice-settings
 * (practice, billing profile, team members), answering in the Nest packet format. Events of
 * client-insurance are published onto JetStream as its outbox relay would.
 */
export class Harness {
  db!: TestDatabase;
  nc!: NatsConnection;
  rpc!: GatewayTestClient<EnrollmentsRpc>;
  /** Signed requests: a test gateway key and the service's own key. */
  readonly trust = new TestTrust('enrollments');
  observerDb!: DataSource;
  observer!: EventConsumer<EnrollmentsEvents>;
  readonly events = testEventsConfig();
  readonly seen: Seen[] = [];
  readonly phiKey = randomBytes(32).toString('base64');
  readonly payers = new Map<string, PayerView>();
  readonly practices = new Map<string, PracticeView>();
  readonly profiles = new Map<string, BillingProfileView>();
  readonly members = new Map<string, TeamMemberView[]>();
  readonly documents = new Map<string, Pick<DocumentView, 'id' | 'practiceId' | 'linkedType' | 'linkedId'>>();
  /** Who each stand-in request came as (from its assertion), by subject. */
  readonly callers = new Map<string, Principal[]>();
  private readonly subs: Subscription[] = [];

  async setUp(): Promise<void> {
    this.db = await createTestDatabase();
    await runMigrations(enrollmentsDataSourceOptions(this.db.url));
    this.nc = await connect({ servers: testNatsUrl() });
    this.rpc = new GatewayTestClient<EnrollmentsRpc>(this.nc, 10_000, this.events.rpcPrefix, this.trust);
    this.observerDb = new DataSource({
      type: 'postgres',
      url: this.db.url,
      schema: 'observer',
      entities: EVENT_ENTITIES,
    });
    await this.observerDb.initialize();
    await this.observerDb.query('CREATE SCHEMA observer');
    const qr = this.observerDb.createQueryRunner();
    await createOutboxAndInbox(qr, 'observer');
    await qr.release();
    this.observer = new EventConsumer<EnrollmentsEvents>(this.nc, this.observerDb, {
      durable: 'observer',
      service: 'enrollments',
      schema: 'observer',
      events: this.events,
      handlers: {
        [EnrollmentsEventTypes.statusChanged]: async (event: Seen, _m: EntityManager) =>
          void this.seen.push(event),
      },
    });
    await this.observer.start();

    this.answer('client-insurance.payer.search', (data: { limit?: number; offset?: number }) => {
      const all = [...this.payers.values()];
      const offset = data.offset ?? 0;
      const limit = data.limit ?? 20;
      return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
    });
    this.answer(
      'client-insurance.payer.get',
      (data: { payerId: string }) => this.payers.get(data.payerId) ?? notFound('Payer'),
    );
    this.answer('practice-settings.practice.get', (data: { practiceId: string }, caller: Principal) =>
      caller.practiceIds?.includes(data.practiceId)
        ? (this.practices.get(data.practiceId) ?? notFound('Practice'))
        : notFound('Practice'),
    );
    this.answer('documents.document.get', (data: { practiceId: string; documentId: string }, caller) => {
      const doc = this.documents.get(data.documentId);
      return caller.practiceIds?.includes(data.practiceId) && doc?.practiceId === data.practiceId
        ? doc
        : notFound('Document');
    });
    this.answer(
      'practice-settings.billing-profile.get',
      (data: { practiceId: string }) => this.profiles.get(data.practiceId) ?? notFound('Billing profile'),
    );
    this.answer('practice-settings.team-member.list', (data: { practiceId: string }) => {
      const items = this.members.get(data.practiceId) ?? [];
      return { items, total: items.length, limit: 200, offset: 0 };
    });
    await this.nc.flush();
  }

  /** A stand-in responder; a handler answering undefined stays silent, so the caller sees a timeout or no responder. */
  private answer(subject: string, handler: (data: never, caller: Principal) => unknown): void {
    // Under the run's RPC prefix, so these stand-ins answer only this run's service.
    const sub = this.nc.subscribe(this.events.rpcPrefix + subject);
    this.subs.push(sub);
    void (async () => {
      for await (const msg of sub) {
        try {
          const packet = codec.decode(msg.data) as { id: string; data: { data: never } };
          const caller = claimsOf(msg)?.prn;
          if (!caller) throw new Error(`${subject} came without an assertion`);
          this.callers.set(subject, [...(this.callers.get(subject) ?? []), caller]);
          const result = handler(packet.data.data, caller);
          if (result === undefined) continue;
          const reply = isError(result)
            ? { id: packet.id, err: result.error, isDisposed: true }
            : { id: packet.id, response: result, isDisposed: true };
          msg.respond(codec.encode(reply));
        } catch (error) {
          console.error(`stand-in for ${subject} failed`, error);
        }
      }
    })();
  }

  /** Drops the billing-profile responder entirely, as a practice-settings that does not serve it. */
  stopServingBillingProfile(): void {
    const i = this.subs.findIndex(
      (s) => s.getSubject() === `${this.events.rpcPrefix}practice-settings.billing-profile.get`,
    );
    this.subs[i]?.unsubscribe();
    if (i >= 0) this.subs.splice(i, 1);
  }

  serviceEnv(extra: Record<string, string> = {}, databaseUrl = this.db.url): Record<string, string> {
    return {
      DATABASE_URL: databaseUrl,
      NATS_URL: testNatsUrl(),
      EVENTS_SUBJECT_PREFIX: this.events.subjectPrefix,
      EVENTS_STREAM_PREFIX: this.events.streamPrefix,
      RPC_SUBJECT_PREFIX: this.events.rpcPrefix,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      PHI_ENCRYPTION_KEY: this.phiKey,
      RPC_TIMEOUT_MS: '3000',
      ...this.trust.serviceEnv(),
      ...extra,
    };
  }

  /** Publishes a client-insurance event as its outbox relay would (same stream, subject and envelope). */
  async publish<T extends keyof ClientInsuranceEvents & string>(
    type: T,
    aggregateId: string,
    practiceId: string | null,
    data: ClientInsuranceEvents[T],
  ): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await ensureEventStream(jsm, this.events, 'client-insurance');
    const envelope: EventEnvelope<ClientInsuranceEvents[T]> = {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      aggregateId,
      practiceId,
      actorId: 'owner-1',
      data,
    };
    await this.nc
      .jetstream()
      .publish(eventSubject(this.events, type), JSON.stringify(envelope), { msgID: envelope.id });
  }

  eventsOf(enrollmentId: string): Seen[] {
    return this.seen.filter((e) => e.aggregateId === enrollmentId);
  }

  async waitForEvent(predicate: (e: Seen) => boolean, what: string, timeoutMs = 20_000): Promise<Seen> {
    return (await waitFor(what, () => this.seen.find(predicate), timeoutMs))!;
  }

  async tearDown(): Promise<void> {
    for (const s of this.subs) s.unsubscribe();
    await this.observer?.stop();
    await this.observerDb?.destroy();
    if (this.nc) {
      await deleteTestStreams(this.nc, this.events.streamPrefix);
      await this.nc.close();
    }
    await this.db?.drop();
  }
}

function notFound(what: string) {
  return { error: { code: 'not_found', message: `${what} was not found` } satisfies RpcErrorBody };
}

function isError(value: unknown): value is { error: RpcErrorBody } {
  return typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;
}
