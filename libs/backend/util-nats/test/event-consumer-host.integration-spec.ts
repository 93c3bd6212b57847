import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
import {
  ConsumedStream,
  createOutboxAndInbox,
  EVENT_ENTITIES,
  eventSubject,
  EventConsumerHost,
  EVENTS_CONFIG,
  INBOX_SCHEMA,
  NATS_CONNECTION,
  NatsModule,
} from '../src';

type ThingEvents = { 'test-things.thing.created': { n: number } };
const SCHEMA = 'test_host';

/** The consumer's own dependency, injected through its constructor beside the host's properties. */
@Injectable()
class Effects {
  async record(m: EntityManager, n: number): Promise<void> {
    await m.query(`INSERT INTO "${SCHEMA}".effects (n) VALUES ($1)`, [n]);
  }
}

@Injectable()
class ThingsConsumer extends EventConsumerHost<ThingEvents> {
  constructor(private readonly effects: Effects) {
    super();
  }

  protected streams(): ConsumedStream<ThingEvents>[] {
    return [
      {
        durable: 'test-host-things',
        service: 'test-things',
        handlers: { 'test-things.thing.created': (e, m) => this.effects.record(m, e.data.n) },
      },
    ];
  }
}

describe('EventConsumerHost in a Nest application (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nc: NatsConnection;
  const events = testEventsConfig();

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
    db = await createTestDatabase();
    ds = new DataSource({ type: 'postgres', url: db.url, schema: SCHEMA, entities: EVENT_ENTITIES });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA "${SCHEMA}"`);
    const qr = ds.createQueryRunner();
    await createOutboxAndInbox(qr, SCHEMA);
    await qr.release();
    await ds.query(`CREATE TABLE "${SCHEMA}".effects (n int NOT NULL)`);
  });

  afterAll(async () => {
    await deleteTestStreams(nc, events.streamPrefix);
    await nc.close();
    await ds.destroy();
    await db.drop();
  });

  it('wires a declared consumer: each event is handled once, through the inbox of the schema it was given', async () => {
    @Module({
      imports: [NatsModule.forRoot({ url: testNatsUrl(), name: 'test-host', events, inboxSchema: SCHEMA })],
      providers: [{ provide: DataSource, useValue: ds }, Effects, ThingsConsumer],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      const host = app.get(ThingsConsumer);
      expect([...host.consumers.keys()]).toEqual(['test-host-things']);
      const envelope = (n: number, id = randomUUID()) =>
        JSON.stringify({
          id,
          type: 'test-things.thing.created',
          occurredAt: new Date().toISOString(),
          aggregateId: randomUUID(),
          practiceId: null,
          actorId: null,
          data: { n },
        });
      const js = nc.jetstream();
      const subject = eventSubject(events, 'test-things.thing.created');
      const repeated = randomUUID();
      await js.publish(subject, envelope(1, repeated));
      await js.publish(subject, envelope(2));
      await js.publish(subject, envelope(1, repeated));
      await waitFor('three deliveries', () => host.consumer.handled === 3);
      const effects: { n: number }[] = await ds.query(`SELECT n FROM "${SCHEMA}".effects ORDER BY n`);
      expect(effects.map((r) => r.n)).toEqual([1, 2]);
      const inbox: { consumer: string }[] = await ds.query(`SELECT consumer FROM "${SCHEMA}".inbox`);
      expect(inbox.map((r) => r.consumer)).toEqual(['test-host-things', 'test-host-things']);
    } finally {
      // Stops the consumer (onModuleDestroy), then drains the app's connection.
      await app.close();
    }
  });

  it('refuses to start without the inbox schema', async () => {
    // What NatsModule provides in a process that names no inbox schema (the gateway).
    @Module({
      providers: [
        { provide: NATS_CONNECTION, useValue: nc },
        { provide: EVENTS_CONFIG, useValue: events },
        { provide: INBOX_SCHEMA, useValue: null },
        { provide: DataSource, useValue: ds },
        Effects,
        ThingsConsumer,
      ],
    })
    class NoInboxModule {}

    await expect(NestFactory.createApplicationContext(NoInboxModule, { logger: false })).rejects.toThrow(
      'ThingsConsumer: no inbox schema',
    );
  });
});
