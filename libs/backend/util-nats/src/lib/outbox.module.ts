import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { outboxLag } from '@claimline/backend/util-metrics';
import { EVENTS_CONFIG, EventsConfig, NATS_CONNECTION } from './events-config';
import { oldestUnpublishedAgeSeconds, Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

export interface OutboxModuleOptions {
  service: string;
  schema: string;
  databaseUrl: string;
  pollMs?: number;
  startDelayMs?: number;
  /** Published rows older than this are deleted by the relay. */
  retentionMs?: number;
}

const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');

@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;
  private removeLag: (() => void) | null = null;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(EVENTS_CONFIG) events: EventsConfig,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxModuleOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.relay = new OutboxRelay(nc, { ...options, events, logger: new Logger('OutboxRelay') });
  }

  onApplicationBootstrap(): void {
    const { schema } = this.options;
    // Read when Prometheus scrapes, through the service's pool: it still answers when NATS is down.
    this.removeLag = outboxLag.add(async () => [
      { labels: { schema }, value: await oldestUnpublishedAgeSeconds(this.dataSource, schema) },
    ]);
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.removeLag?.();
    await this.relay.stop();
  }
}

/** Gives a service its typed `Outbox` and runs the relay that publishes it. */
@Module({})
export class OutboxModule {
  static forRoot(options: OutboxModuleOptions): DynamicModule {
    return {
      module: OutboxModule,
      global: true,
      providers: [
        { provide: OUTBOX_OPTIONS, useValue: options },
        { provide: Outbox, useValue: new Outbox(options.schema) },
        OutboxRelayHost,
      ],
      exports: [Outbox],
    };
  }
}
