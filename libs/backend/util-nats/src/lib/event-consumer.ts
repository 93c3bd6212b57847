import { AckPolicy, Consumer, ConsumerMessages, DeliverPolicy, JsMsg, NatsConnection, NatsError } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, EventMapOf } from '@claimline/contracts/common';
import {
  consumerFailed,
  consumerHandled,
  consumerPending,
  consumerRedelivered,
  endSpanWithError,
  extractTraceContext,
  SpanKind,
  startSpan,
  withContext,
} from '@claimline/backend/util-metrics';
import { EventsConfig, inboxRetentionMs, PRUNE_EVERY_MS, streamName } from './events-config';
import { ensureEventStream } from './streams';
import { RelayLogger } from './outbox-relay';

export type EventHandlers<M extends EventMapOf<M>> = {
  [T in keyof M & string]?: (event: EventEnvelope<M[T]>, manager: EntityManager) => Promise<void>;
};

export interface EventConsumerOptions<M extends EventMapOf<M>> {
  /** Durable consumer name, unique per consuming service and purpose, e.g. `enrollments-clients`. */
  durable: string;
  /** The producing service whose stream is read, e.g. `practice-settings`. */
  service: string;
  /** The consuming service's schema, which holds its inbox table. */
  schema: string;
  events: EventsConfig;
  handlers: EventHandlers<M>;
  logger?: RelayLogger;
  /** This consumer's inbox rows older than this are deleted (default `inboxRetentionMs(events)`). */
  inboxRetentionMs?: number;
  /** How often (default `PRUNE_EVERY_MS`, hourly). */
  pruneEveryMs?: number;
}

const silent: RelayLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A durable JetStream consumer whose handlers run in a database transaction together with an
 * inbox insert: an event already in the inbox is acknowledged without running the handler
 * again, so redelivery (after a crash, a NATS restart or a lost ack) has no second effect.
 */
export class EventConsumer<M extends EventMapOf<M>> {
  private messages: ConsumerMessages | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly log: RelayLogger;
  private pruneTimer: NodeJS.Timeout | null = null;
  private pruning: Promise<number> | null = null;
  private removePending: (() => void) | null = null;
  handled = 0;
  pruned = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions<M>,
  ) {
    this.log = options.logger ?? silent;
  }

  async start(): Promise<void> {
    const consumer = await this.ensureConsumer();
    const durable = this.options.durable;
    // Its lag, read from JetStream when Prometheus scrapes.
    this.removePending = consumerPending.add(async () => [
      { labels: { durable }, value: (await consumer.info()).num_pending },
    ]);
    this.loop = this.run(consumer);
    this.pruneTimer = setInterval(() => void this.prune(), this.options.pruneEveryMs ?? PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  /**
   * Deletes this consumer's inbox rows past the retention. A transaction-scoped advisory lock per
   * schema and consumer makes replicas take turns: the one that does not get it skips this round.
   * Returns how many rows it deleted.
   */
  prune(): Promise<number> {
    this.pruning ??= this.dataSource
      .transaction(async (m) => {
        const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
          `claimline-inbox:${this.options.schema}:${this.options.durable}`,
        ]);
        if (!locked) return 0;
        const [, count] = (await m.query(
          `DELETE FROM "${this.options.schema}"."inbox"
            WHERE consumer = $1 AND processed_at < now() - make_interval(secs => $2)`,
          [
            this.options.durable,
            (this.options.inboxRetentionMs ?? inboxRetentionMs(this.options.events)) / 1000,
          ],
        )) as [unknown, number];
        this.pruned += count;
        return count;
      })
      .catch((error: Error) => {
        this.log.warn(`consumer ${this.options.durable}: pruning the inbox failed: ${error.message}`);
        return 0;
      })
      .finally(() => (this.pruning = null));
    return this.pruning;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.removePending?.();
    await this.pruning;
    await this.messages?.close();
    await this.loop;
  }

  private async ensureConsumer(): Promise<Consumer> {
    const { events, service, durable } = this.options;
    const jsm = await this.nc.jetstreamManager();
    const stream = await ensureEventStream(jsm, events, service, { owner: false });
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${events.subjectPrefix}.${service}.>`,
      ack_wait: 30 * 1_000_000_000,
      max_ack_pending: 256,
    };
    try {
      await jsm.consumers.info(stream, durable);
    } catch (error) {
      if (!(error instanceof NatsError) || !/consumer not found/i.test(error.message)) throw error;
      await jsm.consumers.add(stream, config);
    }
    return this.nc.jetstream().consumers.get(streamName(events, service), durable);
  }

  private async run(consumer: Consumer): Promise<void> {
    let backoff = 200;
    while (!this.stopped) {
      try {
        this.messages = await consumer.consume({ max_messages: 64 });
        for await (const msg of this.messages) {
          await this.handle(msg);
          backoff = 200;
        }
      } catch (error) {
        if (this.stopped) break;
        this.log.warn(
          `consumer ${this.options.durable}: ${(error as Error).message}; retrying in ${backoff} ms`,
        );
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    const durable = this.options.durable;
    if (msg.redelivered) consumerRedelivered.inc({ durable });
    let event: EventEnvelope<unknown>;
    try {
      event = msg.json<EventEnvelope<unknown>>();
    } catch {
      this.log.error(
        `consumer ${this.options.durable}: dropping a message that is not JSON (${msg.subject})`,
      );
      msg.term();
      consumerFailed.inc({ durable });
      return;
    }
    const handler = this.options.handlers[event.type as keyof M & string] as
      ((e: EventEnvelope<unknown>, m: EntityManager) => Promise<void>) | undefined;
    if (!handler) {
      msg.ack();
      return;
    }
    // A consumer span in the trace the producer's relay put in the headers (none with tracing off).
    const { span, ctx } = startSpan(
      `${event.type} process`,
      SpanKind.CONSUMER,
      {
        'messaging.system': 'nats',
        'messaging.consumer.group.name': durable,
        'messaging.message.id': event.id,
      },
      extractTraceContext((key) => msg.headers?.get(key)),
    );
    try {
      await withContext(ctx, () =>
        this.dataSource.transaction(async (manager) => {
          // Plain query, not rawSql: util-persistence depends on this library (ADR 0018, plumbing).
          const inserted: unknown[] = await manager.query(
            `INSERT INTO "${this.options.schema}"."inbox" (consumer, event_id, type) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.options.durable, event.id, event.type],
          );
          if (inserted.length > 0) await handler(event, manager);
        }),
      );
      span.end();
      msg.ack();
      this.handled++;
      consumerHandled.inc({ durable });
    } catch (error) {
      endSpanWithError(span, error);
      const delay = Math.min(500 * 2 ** Math.min(msg.info.redeliveryCount, 6), 30_000);
      this.log.error(
        `consumer ${this.options.durable}: ${event.type} ${event.id} failed (attempt ${msg.info.redeliveryCount}): ${(error as Error).message}`,
      );
      msg.nak(delay);
      consumerFailed.inc({ durable });
    }
  }
}
