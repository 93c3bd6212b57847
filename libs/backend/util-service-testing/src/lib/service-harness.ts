import { randomBytes, randomUUID } from 'node:crypto';
import { DynamicModule, INestMicroservice } from '@nestjs/common';
import { connect, JSONCodec, NatsConnection, Subscription } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, EventMapOf, Principal, RpcErrorBody, RpcMapOf } from '@claimline/contracts/common';
import { claimsOf, GatewayTestClient, servePracticeExistence, TestTrust } from '@claimline/backend/util-auth';
import { BaseServiceEnv, validateEnv } from '@claimline/backend/util-config';
import {
  createOutboxAndInbox,
  ensureEventStream,
  EVENT_ENTITIES,
  EventConsumer,
  eventSubject,
} from '@claimline/backend/util-nats';
import { bootstrapService } from '@claimline/backend/util-service';
import {
  createTestDatabase,
  deleteTestStreams,
  PrivateNatsServer,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';

export interface ServiceHarnessOptions {
  /** The service under test as it signs its calls and names its stream: `practice-settings`. */
  service: string;
  /** Migrates the fresh test database with the service's own migrations. */
  migrate(databaseUrl: string): Promise<unknown>;
  /** Services whose signed calls it trusts besides the gateway (each gets a test key). */
  trusts?: string[];
  /** How long the test's gateway client waits for an answer (default 10 s). */
  rpcTimeoutMs?: number;
  /**
   * A nats-server of the harness's own instead of `NATS_URL`: for a service that another running
   * instance of itself could answer for on a shared server (its subjects carry no run prefix).
   */
  privateNats?: boolean;
  /**
   * The event types an observer records: a second consumer of the service's stream with an inbox
   * (like any other service), each event in `seen` and once in `observer.effects`.
   */
  observe?: readonly string[];
  /** Answer practice-settings' `practice.get` as the existence check does (see `absentPractices`). */
  practiceExistence?: boolean;
  /** Environment of the service beyond the shared one (and over it: e.g. `LOG_LEVEL`). */
  env?: Record<string, string>;
}

/** What a stand-in answers: a response, `{ error }` (an RPC error), or undefined (silence: a timeout). */
export type StandInAnswer = unknown;

const codec = JSONCodec<unknown>();

/** Not found, as a stand-in answers it. */
export function notFound(what: string): { error: RpcErrorBody } {
  return { error: { code: 'not_found', message: `${what} was not found` } };
}

function isError(value: unknown): value is { error: RpcErrorBody } {
  return typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;
}

/**
 * Everything a service's integration test needs on the real servers, built one way for every
 * service: its own migrated database, private event and RPC prefixes, keys it trusts, a client
 * that calls it as the gateway does, the service itself started in-process (`startApp`) with the
 * environment it runs with (`serviceEnv`), stand-ins for the services it asks (`serve`),
 * publishers of other services' events, and an observer of its own events. A service's harness
 * extends it with what is specific to that service.
 */
export class ServiceHarness<
  Rpc extends RpcMapOf<Rpc>,
  Events extends EventMapOf<Events> = Record<string, object>,
> {
  db!: TestDatabase;
  nc!: NatsConnection;
  rpc!: GatewayTestClient<Rpc>;
  /** A plain connection to the test database (the observer's inbox and effects live in it too). */
  sql!: DataSource;
  /** With `privateNats`: the harness's own nats-server. */
  nats?: PrivateNatsServer;
  observer?: EventConsumer<Events>;
  /** Signed requests: a test gateway key, the service's own key, and those of `trusts`. */
  readonly trust: TestTrust;
  readonly events = testEventsConfig();
  readonly phiKey = randomBytes(32).toString('base64');
  /** Practices the practice-settings stand-in says do not exist (with `practiceExistence`). */
  readonly absentPractices = new Set<string>();
  /** Every event the observer recorded, in arrival order. */
  readonly seen: EventEnvelope<Events[keyof Events]>[] = [];
  /** Who each stand-in request came as (from its assertion), by subject. */
  readonly callers = new Map<string, Principal[]>();
  private readonly apps = new Set<INestMicroservice>();
  private readonly subs: Subscription[] = [];
  private readonly cleanups: (() => unknown)[] = [];

  constructor(readonly options: ServiceHarnessOptions) {
    this.trust = new TestTrust(options.service, options.trusts);
  }

  get natsUrl(): string {
    return this.nats?.url ?? testNatsUrl();
  }

  async setUp(): Promise<void> {
    if (this.options.privateNats) this.nats = await PrivateNatsServer.start();
    this.db = await createTestDatabase();
    await this.options.migrate(this.db.url);
    this.nc = await connect({ servers: this.natsUrl });
    this.rpc = new GatewayTestClient<Rpc>(
      this.nc,
      this.options.rpcTimeoutMs ?? 10_000,
      this.events.rpcPrefix,
      this.trust,
    );
    this.sql = new DataSource({
      type: 'postgres',
      url: this.db.url,
      schema: 'observer',
      entities: EVENT_ENTITIES,
      // Not the service's name: tests find the service's own connections by it.
      applicationName: 'claimline-test',
    });
    await this.sql.initialize();
    if (this.options.practiceExistence)
      this.subs.push(servePracticeExistence(this.nc, this.events.rpcPrefix, this.absentPractices));
    if (this.options.observe) await this.startObserver(this.options.observe);
  }

  private async startObserver(types: readonly string[]): Promise<void> {
    await this.sql.query('CREATE SCHEMA observer');
    await this.sql.query('CREATE TABLE observer.effects (event_id uuid PRIMARY KEY, type text NOT NULL)');
    const qr = this.sql.createQueryRunner();
    await createOutboxAndInbox(qr, 'observer');
    await qr.release();
    const record = async (event: EventEnvelope<Events[keyof Events]>, manager: EntityManager) => {
      this.seen.push(event);
      await manager.query('INSERT INTO observer.effects (event_id, type) VALUES ($1, $2)', [
        event.id,
        event.type,
      ]);
    };
    this.observer = new EventConsumer<Events>(this.nc, this.sql, {
      durable: 'observer',
      service: this.options.service,
      schema: 'observer',
      events: this.events,
      handlers: Object.fromEntries(types.map((type) => [type, record])) as never,
    });
    await this.observer.start();
  }

  /** The service's environment on this harness's servers; `extra` goes over it. */
  serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      NATS_URL: this.natsUrl,
      EVENTS_SUBJECT_PREFIX: this.events.subjectPrefix,
      EVENTS_STREAM_PREFIX: this.events.streamPrefix,
      RPC_SUBJECT_PREFIX: this.events.rpcPrefix,
      PHI_ENCRYPTION_KEY: this.phiKey,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      ...this.options.env,
      ...this.trust.serviceEnv(),
      ...extra,
    };
  }

  /**
   * Starts the service in-process as `main.ts` does (validated environment, Nest's NATS server
   * under the run's prefix); `tearDown` closes it unless `stopApp` did.
   */
  protected async startApp<E extends BaseServiceEnv>(
    envClass: new () => E,
    register: (env: E) => DynamicModule,
    extra: Record<string, string> = {},
  ): Promise<INestMicroservice> {
    const env = validateEnv(this.options.service, envClass, this.serviceEnv(extra));
    const app = await bootstrapService(register(env), {
      name: this.options.service,
      natsUrl: env.NATS_URL,
      rpcSubjectPrefix: env.RPC_SUBJECT_PREFIX,
    });
    this.apps.add(app);
    return app;
  }

  async stopApp(app: INestMicroservice | undefined): Promise<void> {
    if (!app || !this.apps.delete(app)) return;
    await app.close();
  }

  /**
   * A stand-in for another service's request-reply subject, under the run's prefix (so it answers
   * only this run's service), in Nest's packet format. The handler gets the request and who it came
   * as (every call must carry an assertion); see `StandInAnswer` for what it may return.
   */
  serve<T = never>(subject: string, handler: (data: T, caller: Principal) => StandInAnswer): Subscription {
    const sub = this.nc.subscribe(this.events.rpcPrefix + subject);
    this.subs.push(sub);
    void (async () => {
      for await (const msg of sub) {
        try {
          const packet = codec.decode(msg.data) as { id: string; data: { data: T } };
          const caller = claimsOf(msg)?.prn;
          if (!caller) throw new Error(`${subject} came without an assertion`);
          this.callers.set(subject, [...(this.callers.get(subject) ?? []), caller]);
          const result = await handler(packet.data.data, caller);
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
    return sub;
  }

  /** An envelope as another service's outbox relay writes it. */
  envelope<T>(
    type: string,
    aggregateId: string,
    practiceId: string | null,
    data: T,
    actorId = 'user-1',
  ): EventEnvelope<T> {
    return {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      aggregateId,
      practiceId,
      actorId,
      data,
    };
  }

  /**
   * Publishes an envelope on its producer's stream as that producer's relay does (same stream,
   * subject and `Nats-Msg-Id`). A `msgId` other than the event id plays a redelivery the stream's
   * duplicate window would not catch (a republish after a crash, minutes later).
   */
  async publish<T>(producer: string, envelope: EventEnvelope<T>, msgId: string = envelope.id): Promise<void> {
    await ensureEventStream(await this.nc.jetstreamManager(), this.events, producer);
    await this.nc
      .jetstream()
      .publish(eventSubject(this.events, envelope.type), JSON.stringify(envelope), { msgID: msgId });
  }

  /** The observer's effects: one row per event it handled, however often it was delivered. */
  async effects(): Promise<{ event_id: string; type: string }[]> {
    return this.sql.query('SELECT event_id, type FROM observer.effects');
  }

  async waitForEffects(count: number, timeoutMs = 20_000): Promise<void> {
    await waitFor(`${count} observed events`, async () => (await this.effects()).length >= count, timeoutMs);
  }

  /** The first observed event that matches, once it has arrived. */
  async waitForEvent(
    predicate: (e: EventEnvelope<Events[keyof Events]>) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<EventEnvelope<Events[keyof Events]>> {
    return waitFor(what, () => this.seen.find(predicate), timeoutMs);
  }

  /** Runs at `tearDown`, before NATS and the database go (last registered, first run). */
  onTearDown(cleanup: () => unknown): void {
    this.cleanups.push(cleanup);
  }

  async tearDown(): Promise<void> {
    for (const app of [...this.apps]) await this.stopApp(app);
    for (const sub of this.subs.splice(0)) sub.unsubscribe();
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
    await this.observer?.stop();
    if (this.sql?.isInitialized) await this.sql.destroy();
    if (this.nc) {
      await deleteTestStreams(this.nc, this.events.streamPrefix);
      await this.nc.close();
    }
    await this.db?.drop();
    await this.nats?.dispose();
  }
}
