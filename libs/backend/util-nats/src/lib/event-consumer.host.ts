import { Inject, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { EventMapOf } from '@claimline/contracts/common';
import { EventConsumer, EventHandlers } from './event-consumer';
import { EVENTS_CONFIG, EventsConfig, INBOX_SCHEMA, NATS_CONNECTION } from './events-config';

/** One durable consumer of one producing service's stream. */
export interface ConsumedStream<M extends EventMapOf<M>> {
  /** Durable consumer name, unique per consuming service and purpose, e.g. `enrollments-client-insurance`. */
  durable: string;
  /** The producing service whose stream is read, e.g. `practice-settings`. */
  service: string;
  handlers: EventHandlers<M>;
}

/**
 * The base of every `…Consumer` provider: a subclass declares what it reads (`streams()`), and this
 * wires the rest — the process's NATS connection and events configuration, its DataSource, the
 * inbox in the service's schema (`serviceInfrastructure()` names it), a logger named after the
 * class — and starts the consumers when the application has started and stops them on shutdown.
 * The dependencies are injected as properties, so a subclass's constructor takes only its own.
 */
export abstract class EventConsumerHost<M extends EventMapOf<M>>
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy
{
  @Inject(NATS_CONNECTION) private readonly nc!: NatsConnection;
  @Inject(EVENTS_CONFIG) private readonly events!: EventsConfig;
  @Inject(INBOX_SCHEMA) private readonly schema!: string | null;
  @Inject(DataSource) private readonly dataSource!: DataSource;

  /** This provider's consumers by durable name, in the order `streams()` declared them. */
  readonly consumers = new Map<string, EventConsumer<M>>();

  protected readonly logger = new Logger(this.constructor.name);

  /** The streams this provider reads; called once, when the module is initialised. */
  protected abstract streams(): ConsumedStream<M>[];

  /** The consumer of a provider that reads one stream. */
  get consumer(): EventConsumer<M> {
    if (this.consumers.size !== 1) {
      throw new Error(
        `${this.constructor.name} has ${this.consumers.size} consumers; pick one from consumers`,
      );
    }
    return [...this.consumers.values()][0];
  }

  onModuleInit(): void {
    if (!this.schema) {
      throw new Error(`${this.constructor.name}: no inbox schema (NatsModule.forRoot({ inboxSchema }))`);
    }
    for (const stream of this.streams()) {
      this.consumers.set(
        stream.durable,
        new EventConsumer<M>(this.nc, this.dataSource, {
          ...stream,
          schema: this.schema,
          events: this.events,
          logger: this.logger,
        }),
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const c of this.consumers.values()) await c.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const c of this.consumers.values()) await c.stop();
  }
}
