import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { connect, NatsConnection } from 'nats';
import { EVENTS_CONFIG, EventsConfig, NATS_CONNECTION } from './events-config';

export interface NatsModuleOptions {
  url: string;
  name: string;
  events: EventsConfig;
}

export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    timeout: 5000,
  });
}

@Injectable()
class NatsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Nats');
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  onApplicationBootstrap(): void {
    void (async () => {
      for await (const s of this.nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') this.logger.warn(`NATS ${s.type} (${s.data})`);
      }
    })();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

/** One NATS connection per process, for RPC calls and JetStream events. */
@Global()
@Module({})
export class NatsModule {
  static forRoot(options: NatsModuleOptions): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        { provide: NATS_CONNECTION, useFactory: () => connectNats(options.url, options.name) },
        { provide: EVENTS_CONFIG, useValue: options.events },
        NatsLifecycle,
      ],
      exports: [NATS_CONNECTION, EVENTS_CONFIG],
    };
  }
}
