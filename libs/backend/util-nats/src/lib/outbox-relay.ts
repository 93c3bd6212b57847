import { Client } from 'pg';
import { headers as natsHeaders, JetStreamClient, NatsConnection } from 'nats';
import { EventEnvelope, HEADER_REQUEST_ID } from '@claimline/contracts/common';
import {
  endSpanWithError,
  extractTraceContext,
  injectTraceContext,
  outboxPublished,
  SpanKind,
  startSpan,
  withContext,
} from '@claimline/backend/util-metrics';
import { EventsConfig, eventSubject, OUTBOX_RETENTION_MS, PRUNE_EVERY_MS } from './events-config';
import { outboxChannel } from './outbox';
import { ensureEventStream } from './streams';

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface OutboxRelayOptions {
  databaseUrl: string;
  schema: string;
  service: string;
  events: EventsConfig;
  pollMs?: number;
  startDelayMs?: number;
  batchSize?: number;
  logger?: RelayLogger;
  /** Published rows older than this are deleted (default `OUTBOX_RETENTION_MS`, 7 days). */
  retentionMs?: number;
  /** How often to delete them (default `PRUNE_EVERY_MS`, hourly). */
  pruneEveryMs?: number;
}

/** Rows deleted per statement, so a large backlog never holds one long transaction. */
const PRUNE_BATCH = 1000;

interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string | null;
  practice_id: string | null;
  actor_id: string | null;
  data: unknown;
  request_id: string | null;
  trace_context: string | null;
  occurred_at: Date;
}

const silent: RelayLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Publishes outbox rows to JetStream in commit order, at least once. One relay per schema holds
 * a PostgreSQL advisory lock, so replicas don't interleave; it wakes on NOTIFY and polls as a
 * fallback. The JetStream message id is the event id, so a re-publish after a crash between
 * "published" and "marked" is dropped by the stream's duplicate window, and consumers' inboxes
 * catch anything older.
 */
export class OutboxRelay {
  private client: Client | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private js: JetStreamClient;
  private readonly log: RelayLogger;
  private nextPruneAt = 0;
  published = 0;
  pruned = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.log = options.logger ?? silent;
    this.js = nc.jetstream();
  }

  start(): void {
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.disconnect();
  }

  private async run(): Promise<void> {
    if (this.options.startDelayMs) await this.sleepOrWake(this.options.startDelayMs);
    let backoff = 200;
    while (!this.stopped) {
      try {
        await this.connect();
        await ensureEventStream(await this.nc.jetstreamManager(), this.options.events, this.options.service);
        backoff = 200;
        while (!this.stopped) {
          const count = await this.drain();
          await this.pruneIfDue();
          if (count < (this.options.batchSize ?? 100)) await this.sleepOrWake(this.options.pollMs ?? 1000);
        }
      } catch (error) {
        if (this.stopped) break;
        this.log.warn(`outbox relay: ${(error as Error).message}; retrying in ${backoff} ms`);
        await this.disconnect();
        await this.sleepOrWake(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.client) return;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: `${this.options.schema}-outbox-relay`,
    });
    client.on('error', (e) => this.log.warn(`outbox relay connection: ${e.message}`));
    client.on('notification', () => this.wake?.());
    await client.connect();
    this.client = client;
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    // Only one relay per schema publishes, so events leave in commit order.
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [`claimline-outbox:${this.options.schema}`],
      );
      if (rows[0].locked) return;
      if (this.stopped) return;
      await this.sleepOrWake(this.options.pollMs ?? 1000);
    }
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  /** Publishes one batch; returns how many rows were published. */
  private async drain(): Promise<number> {
    const client = this.client!;
    const schema = this.options.schema;
    const { rows } = await client.query<OutboxRow>(
      `SELECT id, type, aggregate_id, practice_id, actor_id, data, request_id, trace_context, occurred_at
         FROM "${schema}"."outbox" WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.options.batchSize ?? 100],
    );
    let done = 0;
    for (const row of rows) {
      if (this.stopped) break;
      const envelope: EventEnvelope = {
        id: row.id,
        type: row.type,
        occurredAt: row.occurred_at.toISOString(),
        aggregateId: row.aggregate_id ?? '',
        practiceId: row.practice_id,
        actorId: row.actor_id,
        data: row.data,
      };
      const h = natsHeaders();
      if (row.request_id) h.set(HEADER_REQUEST_ID, row.request_id);
      // A producer span in the trace of the request that wrote the row, carried in the headers.
      const subject = eventSubject(this.options.events, row.type);
      const parent = extractTraceContext((key) =>
        key === 'traceparent' ? (row.trace_context ?? undefined) : undefined,
      );
      const { span, ctx } = startSpan(
        `${row.type} publish`,
        SpanKind.PRODUCER,
        {
          'messaging.system': 'nats',
          'messaging.destination.name': subject,
          'messaging.message.id': row.id,
        },
        parent,
      );
      injectTraceContext((key, value) => h.set(key, value), ctx);
      try {
        await withContext(ctx, () =>
          this.js.publish(subject, JSON.stringify(envelope), { msgID: row.id, headers: h, timeout: 5000 }),
        );
        span.end();
      } catch (error) {
        endSpanWithError(span, error);
        await client.query(`UPDATE "${schema}"."outbox" SET attempts = attempts + 1 WHERE id = $1`, [row.id]);
        throw new Error(`publishing ${row.type} ${row.id} failed: ${(error as Error).message}`);
      }
      await client.query(
        `UPDATE "${schema}"."outbox" SET published_at = now(), attempts = attempts + 1 WHERE id = $1`,
        [row.id],
      );
      done++;
      this.published++;
      outboxPublished.inc({ schema });
    }
    return done;
  }

  /**
   * Deletes published rows past the retention. Only the relay holding the schema's advisory lock
   * gets here, so replicas never prune at the same time; unpublished rows are never deleted.
   */
  private async pruneIfDue(): Promise<void> {
    if (Date.now() < this.nextPruneAt) return;
    this.nextPruneAt = Date.now() + (this.options.pruneEveryMs ?? PRUNE_EVERY_MS);
    const schema = this.options.schema;
    for (;;) {
      const { rowCount } = await this.client!.query(
        `DELETE FROM "${schema}"."outbox" WHERE id IN (
           SELECT id FROM "${schema}"."outbox"
            WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)
            LIMIT ${PRUNE_BATCH})`,
        [(this.options.retentionMs ?? OUTBOX_RETENTION_MS) / 1000],
      );
      this.pruned += rowCount ?? 0;
      if ((rowCount ?? 0) < PRUNE_BATCH || this.stopped) return;
    }
  }

  private sleepOrWake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
