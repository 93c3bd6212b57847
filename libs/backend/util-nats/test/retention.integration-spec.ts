import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Actor } from '@claimline/contracts/common';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
import {
  createOutboxAndInbox,
  ensureEventStream,
  EVENT_ENTITIES,
  EVENT_STREAM_MAX_AGE_MS,
  EVENT_STREAM_MAX_BYTES,
  EventConsumer,
  inboxRetentionMs,
  Outbox,
  OutboxRelay,
} from '../src';

type TestEvents = { 'retention-producer.thing.created': { n: number } };
const SCHEMA = 'retention_test';
const SERVICE = 'retention-producer';
const actor: Actor = { userId: 'u1', role: 'admin', practiceIds: null };

/**
 * Retention (ADR 0015): event streams have limits, published outbox rows and old inbox rows are
 * deleted — by one replica at a time — and nothing still needed is.
 */
describe('stream limits, outbox and inbox pruning (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nc: NatsConnection;
  const events = testEventsConfig();
  const outbox = new Outbox<TestEvents>(SCHEMA);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource({ type: 'postgres', url: db.url, schema: SCHEMA, entities: EVENT_ENTITIES });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA "${SCHEMA}"`);
    const qr = ds.createQueryRunner();
    await createOutboxAndInbox(qr, SCHEMA);
    await qr.release();
    nc = await connect({ servers: testNatsUrl() });
  });

  afterAll(async () => {
    await deleteTestStreams(nc, events.streamPrefix).catch(() => undefined);
    await nc?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('creates a stream with a max age and max bytes, and gives an existing stream new limits', async () => {
    const jsm = await nc.jetstreamManager();
    const name = await ensureEventStream(jsm, events, 'limits-a');
    const defaults = (await jsm.streams.info(name)).config;
    expect(defaults.max_age).toBe(EVENT_STREAM_MAX_AGE_MS * 1_000_000);
    expect(defaults.max_bytes).toBe(EVENT_STREAM_MAX_BYTES);
    expect(EVENT_STREAM_MAX_AGE_MS).toBe(30 * 24 * 3_600_000);

    await ensureEventStream(jsm, { ...events, maxAgeMs: 3_600_000, maxBytes: 10_485_760 }, 'limits-a');
    const changed = (await jsm.streams.info(name)).config;
    expect(changed).toMatchObject({ max_age: 3_600_000 * 1_000_000, max_bytes: 10_485_760 });
    expect(changed.duplicate_window).toBe(2 * 60 * 1_000_000_000);
    expect(inboxRetentionMs({ ...events, maxAgeMs: 3_600_000 })).toBe(7_200_000);
  });

  it('deletes published outbox rows past the retention, once, with two relays running', async () => {
    for (let n = 0; n < 6; n++)
      await ds.transaction((m) =>
        outbox.add(m, actor, {
          type: 'retention-producer.thing.created',
          aggregateId: crypto.randomUUID(),
          practiceId: null,
          data: { n },
        }),
      );
    const relays = [0, 1].map(
      () =>
        new OutboxRelay(nc, {
          databaseUrl: db.url,
          schema: SCHEMA,
          service: SERVICE,
          events,
          pollMs: 50,
          retentionMs: 60_000,
          pruneEveryMs: 100,
        }),
    );
    try {
      for (const relay of relays) relay.start();
      const unpublished = async () =>
        (await ds.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".outbox WHERE published_at IS NULL`))[0].n;
      await waitFor('every row published', async () => (await unpublished()) === 0);
      // four of them were published two minutes ago; the other two just now
      const [old]: [{ id: string }[], number] = await ds.query(
        `UPDATE "${SCHEMA}".outbox SET published_at = now() - interval '2 minutes'
          WHERE id IN (SELECT id FROM "${SCHEMA}".outbox ORDER BY seq LIMIT 4) RETURNING id`,
      );
      expect(old).toHaveLength(4);
      await waitFor('the old rows deleted', () => relays[0].pruned + relays[1].pruned === 4);
      await new Promise((r) => setTimeout(r, 300));
      expect(relays[0].pruned + relays[1].pruned).toBe(4);
      const left: { id: string }[] = await ds.query(`SELECT id FROM "${SCHEMA}".outbox`);
      expect(left).toHaveLength(2);
      expect(left.map((r) => r.id)).not.toEqual(expect.arrayContaining([old[0].id]));
      // one relay holds the schema's lock: only it publishes and prunes
      expect(relays.filter((r) => r.published > 0)).toHaveLength(1);
      expect(relays.filter((r) => r.pruned > 0)).toHaveLength(1);
    } finally {
      for (const relay of relays) await relay.stop();
    }
  });

  it("deletes a consumer's own inbox rows past the retention, once across replicas, and no other consumer's", async () => {
    const consumers = [0, 1].map(
      () =>
        new EventConsumer<TestEvents>(nc, ds, {
          durable: 'retention-consumer',
          service: SERVICE,
          schema: SCHEMA,
          events,
          handlers: { 'retention-producer.thing.created': async () => undefined },
          inboxRetentionMs: 60_000,
          pruneEveryMs: 3_600_000,
        }),
    );
    const inbox = async (consumer: string) =>
      (await ds.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".inbox WHERE consumer = $1`, [consumer]))[0]
        .n as number;
    try {
      for (const c of consumers) await c.start();
      await waitFor('six events handled', async () => (await inbox('retention-consumer')) === 6);
      await ds.query(
        `UPDATE "${SCHEMA}".inbox SET processed_at = now() - interval '2 minutes'
          WHERE consumer = 'retention-consumer'
            AND event_id IN (SELECT event_id FROM "${SCHEMA}".inbox WHERE consumer = 'retention-consumer' LIMIT 5)`,
      );
      await ds.query(
        `INSERT INTO "${SCHEMA}".inbox (consumer, event_id, type, processed_at)
         VALUES ('another-consumer', gen_random_uuid(), 'x', now() - interval '1 day')`,
      );
      const deleted = await Promise.all(consumers.map((c) => c.prune()));
      expect(deleted[0] + deleted[1]).toBe(5);
      expect(await consumers[0].prune()).toBe(0);
      expect(await inbox('retention-consumer')).toBe(1);
      expect(await inbox('another-consumer')).toBe(1);
    } finally {
      for (const c of consumers) await c.stop();
    }
  });
});
