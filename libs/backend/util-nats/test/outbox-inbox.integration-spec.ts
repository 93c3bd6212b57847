import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Actor, HEADER_REQUEST_ID } from '@claimline/contracts/common';
import {
  createTestDatabase,
  deleteTestStreams,
  PrivateNatsServer,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
import {
  createOutboxAndInbox,
  EVENT_ENTITIES,
  EventConsumer,
  eventSubject,
  Outbox,
  OutboxRelay,
  runWithRequestId,
} from '../src';

type TestEvents = { 'test-producer.thing.created': { n: number } };
const SCHEMA = 'test_producer';
const actor: Actor = { userId: 'u1', role: 'admin', practiceIds: null };

async function openDatabase(db: TestDatabase): Promise<DataSource> {
  const ds = new DataSource({ type: 'postgres', url: db.url, schema: SCHEMA, entities: EVENT_ENTITIES });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA "${SCHEMA}"`);
  const qr = ds.createQueryRunner();
  await createOutboxAndInbox(qr, SCHEMA);
  await qr.release();
  await ds.query(`CREATE TABLE "${SCHEMA}".effects (n int NOT NULL, event_id uuid NOT NULL)`);
  return ds;
}

async function writeEvents(
  ds: DataSource,
  outbox: Outbox<TestEvents>,
  from: number,
  count: number,
): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await ds.transaction((m) =>
      outbox.add(m, actor, {
        type: 'test-producer.thing.created',
        aggregateId: crypto.randomUUID(),
        practiceId: null,
        data: { n },
      }),
    );
  }
}

async function effects(ds: DataSource): Promise<number[]> {
  const rows: { n: number }[] = await ds.query(`SELECT n FROM "${SCHEMA}".effects ORDER BY n`);
  return rows.map((r) => r.n);
}

/** The relay of the test producer's outbox, polling every 100 ms. */
function relayFor(nc: NatsConnection, databaseUrl: string, events: ReturnType<typeof testEventsConfig>) {
  return new OutboxRelay(nc, { databaseUrl, schema: SCHEMA, service: 'test-producer', events, pollMs: 100 });
}

function consumerFor(nc: NatsConnection, ds: DataSource, events: ReturnType<typeof testEventsConfig>) {
  return new EventConsumer<TestEvents>(nc, ds, {
    durable: 'test-consumer',
    service: 'test-producer',
    schema: SCHEMA,
    events,
    handlers: {
      'test-producer.thing.created': async (event, manager) => {
        await manager.query(`INSERT INTO "${SCHEMA}".effects (n, event_id) VALUES ($1, $2)`, [
          event.data.n,
          event.id,
        ]);
      },
    },
  });
}

describe('outbox relay and inbox consumer (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const outbox = new Outbox<TestEvents>(SCHEMA);

  beforeEach(async () => {
    db = await createTestDatabase();
    ds = await openDatabase(db);
  });

  afterEach(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(
      outbox.add(ds.manager, actor, {
        type: 'test-producer.thing.created',
        aggregateId: crypto.randomUUID(),
        practiceId: null,
        data: { n: 1 },
      }),
    ).rejects.toThrow('inside the transaction');
  });

  it('stamps each event with the request id in scope and publishes it as the x-request-id header', async () => {
    const events = testEventsConfig();
    const nc = await connect({ servers: testNatsUrl() });
    const relay = relayFor(nc, db.url, events);
    const seen: { n: number; requestId: string | undefined }[] = [];
    const sub = nc.subscribe(eventSubject(events, 'test-producer.thing.created'), {
      callback: (_err, msg) =>
        seen.push({
          n: (msg.json() as { data: { n: number } }).data.n,
          requestId: msg.headers?.get(HEADER_REQUEST_ID) || undefined,
        }),
    });
    try {
      const requestId = crypto.randomUUID();
      await runWithRequestId(requestId, () => writeEvents(ds, outbox, 1, 1));
      await writeEvents(ds, outbox, 2, 1); // no request in scope (a consumer, startup)

      const rows: { n: number; request_id: string | null }[] = await ds.query(
        `SELECT (data->>'n')::int AS n, request_id FROM "${SCHEMA}".outbox ORDER BY seq`,
      );
      expect(rows).toEqual([
        { n: 1, request_id: requestId },
        { n: 2, request_id: null },
      ]);

      relay.start();
      await waitFor('both events published', () => seen.length === 2);
      expect(seen.sort((a, b) => a.n - b.n)).toEqual([
        { n: 1, requestId },
        { n: 2, requestId: undefined },
      ]);
    } finally {
      sub.unsubscribe();
      await relay.stop();
      await deleteTestStreams(nc, events.streamPrefix);
      await nc.close();
    }
  });

  it('publishes every committed event once and a redelivered event has no second effect', async () => {
    const events = testEventsConfig();
    const nc = await connect({ servers: testNatsUrl() });
    const relay = relayFor(nc, db.url, events);
    const consumer = consumerFor(nc, ds, events);
    try {
      await writeEvents(ds, outbox, 0, 30);
      // A rolled-back change leaves no event behind.
      await expect(
        ds.transaction(async (m) => {
          await outbox.add(m, actor, {
            type: 'test-producer.thing.created',
            aggregateId: crypto.randomUUID(),
            practiceId: null,
            data: { n: 999 },
          });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');

      relay.start();
      await consumer.start();
      await waitFor('30 effects', async () => (await effects(ds)).length === 30);

      // Redeliver the first event as a second publication (not deduplicated by JetStream: no msg id).
      const first: { id: string; data: object; type: string; occurred_at: Date } = (
        await ds.query(`SELECT id, type, data, occurred_at FROM "${SCHEMA}".outbox ORDER BY seq LIMIT 1`)
      )[0];
      const js = nc.jetstream();
      await js.publish(
        eventSubject(events, first.type),
        JSON.stringify({
          id: first.id,
          type: first.type,
          occurredAt: first.occurred_at,
          aggregateId: '',
          practiceId: null,
          actorId: null,
          data: first.data,
        }),
      );
      await waitFor('the duplicate to be consumed', () => consumer.handled >= 31);
      expect(await effects(ds)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      const unpublished = await ds.query(
        `SELECT count(*)::int AS c FROM "${SCHEMA}".outbox WHERE published_at IS NULL`,
      );
      expect(unpublished[0].c).toBe(0);
    } finally {
      await consumer.stop();
      await relay.stop();
      await deleteTestStreams(nc, events.streamPrefix);
      await nc.close();
    }
  });

  it('loses nothing when NATS restarts in the middle of a flow', async () => {
    const server = await PrivateNatsServer.start();
    const events = testEventsConfig();
    const nc = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    const relay = relayFor(nc, db.url, events);
    const consumer = consumerFor(nc, ds, events);
    try {
      relay.start();
      await consumer.start();
      await writeEvents(ds, outbox, 0, 20);
      await waitFor('the first 20 effects', async () => (await effects(ds)).length === 20, 15_000);

      await server.stop();
      await writeEvents(ds, outbox, 20, 20); // changes go on while NATS is down
      await server.restart();

      await writeEvents(ds, outbox, 40, 10);
      await waitFor('all 50 effects', async () => (await effects(ds)).length === 50, 30_000);
      expect(await effects(ds)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      await consumer.stop();
      await relay.stop();
      await nc.close();
      await server.dispose();
    }
  });
});
