import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Actor, EventEnvelope } from '@claimline/contracts/common';
import { PracticeSettingsEvents, PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import { createOutboxAndInbox, EVENT_ENTITIES, EventConsumer } from '@claimline/backend/util-nats';
import { GatewayTestClient, TestTrust } from '@claimline/backend/util-auth';
import { runMigrations } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  deleteTestStreams,
  PrivateNatsServer,
  TestDatabase,
  testEventsConfig,
  waitFor,
} from '@claimline/backend/util-testing';
import { practiceSettingsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
export const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' };

type Seen = EventEnvelope<PracticeSettingsEvents[keyof PracticeSettingsEvents]>;

/**
 * Everything an integration test of the service needs on the real servers: its own database
 * (migrated), its own event subjects and streams, an RPC client, and a second consumer that
 * records every event it sees (with an inbox, like any other service would).
 */
export class Harness {
  db!: TestDatabase;
  nc!: NatsConnection;
  rpc!: GatewayTestClient<PracticeSettingsRpc>;
  /** Signed requests: a test gateway key, the service's own key, and enrollments (a service that calls it). */
  readonly trust = new TestTrust('practice-settings', ['enrollments']);
  observerDb!: DataSource;
  observer!: EventConsumer<PracticeSettingsEvents>;
  /** A NATS server of its own: on a shared one, any other running practice-settings instance would answer our requests. */
  nats!: PrivateNatsServer;
  readonly events = testEventsConfig();
  readonly phiKey = randomBytes(32).toString('base64');
  readonly seen: Seen[] = [];

  async setUp(): Promise<void> {
    this.nats = await PrivateNatsServer.start();
    this.db = await createTestDatabase();
    await runMigrations(practiceSettingsDataSourceOptions(this.db.url));
    this.nc = await connect({ servers: this.nats.url });
    this.rpc = new GatewayTestClient<PracticeSettingsRpc>(this.nc, 10_000, this.events.rpcPrefix, this.trust);
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
    const record = async (event: Seen, manager: import('typeorm').EntityManager) => {
      this.seen.push(event);
      await manager.query('INSERT INTO observer.effects (event_id, type) VALUES ($1, $2)', [
        event.id,
        event.type,
      ]);
    };
    this.observer = new EventConsumer<PracticeSettingsEvents>(this.nc, this.observerDb, {
      durable: 'observer',
      service: 'practice-settings',
      schema: 'observer',
      events: this.events,
      handlers: {
        'practice-settings.practice.created': record,
        'practice-settings.practice.updated': record,
        'practice-settings.team-member.added': record,
        'practice-settings.team-member.updated': record,
        'practice-settings.team-member.removed': record,
        'practice-settings.location.added': record,
        'practice-settings.location.updated': record,
        'practice-settings.location.removed': record,
        'practice-settings.billing-profile.updated': record,
        'practice-settings.readiness.changed': record,
      },
    });
    await this.observer.start();
  }

  serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      NATS_URL: this.nats.url,
      PHI_ENCRYPTION_KEY: this.phiKey,
      EVENTS_SUBJECT_PREFIX: this.events.subjectPrefix,
      EVENTS_STREAM_PREFIX: this.events.streamPrefix,
      RPC_SUBJECT_PREFIX: this.events.rpcPrefix,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      ...this.trust.serviceEnv(),
      ...extra,
    };
  }

  async effects(): Promise<{ event_id: string; type: string }[]> {
    return this.observerDb.query('SELECT event_id, type FROM observer.effects');
  }

  async waitForEffects(count: number, timeoutMs = 20_000): Promise<void> {
    await waitFor(`${count} observed events`, async () => (await this.effects()).length >= count, timeoutMs);
  }

  async tearDown(): Promise<void> {
    await this.observer?.stop();
    await this.observerDb?.destroy();
    if (this.nc) {
      await deleteTestStreams(this.nc, this.events.streamPrefix);
      await this.nc.close();
    }
    await this.db?.drop();
    await this.nats?.dispose();
  }

  /** Events of one practice, in order, once `count` of them have arrived. */
  async eventsOf(practiceId: string, count: number): Promise<Seen[]> {
    const mine = () => this.seen.filter((e) => e.practiceId === practiceId);
    await waitFor(`${count} events of practice ${practiceId}`, () => mine().length >= count, 20_000);
    return mine();
  }
}

/** The built service (dist), run as its own process, as in production. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(rpc: GatewayTestClient<PracticeSettingsRpc>): Promise<void> {
    const main = join(__dirname, '../../../../dist/apps/practice-settings-service/main.js');
    this.child = spawn(process.execPath, [main], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    await waitFor(
      'the service to answer pings',
      async () => (await rpc.ping('practice-settings.health.ping', 500)).ok,
      20_000,
      200,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${this.output}`);
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
