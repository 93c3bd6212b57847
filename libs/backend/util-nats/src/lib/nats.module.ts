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
import { connect, ConnectionOptions, NatsConnection, nkeyAuthenticator } from 'nats';
import { EVENTS_CONFIG, EventsConfig, INBOX_SCHEMA, NATS_CONNECTION } from './events-config';

/** A process's NATS identity (ADR 0012): its NKey seed and the prefix of its reply inboxes. */
export interface NatsCredentials {
  seed?: string;
  inboxPrefix?: string;
}

export interface NatsModuleOptions {
  url: string;
  name: string;
  events: EventsConfig;
  credentials?: NatsCredentials;
  /** The service's schema, where its event consumers keep their inbox (`EventConsumerHost`). */
  inboxSchema?: string;
}

/** `NATS_NKEY_SEED` and `NATS_INBOX_PREFIX` of a validated environment. */
export function natsCredentialsOf(env: {
  NATS_NKEY_SEED?: string;
  NATS_INBOX_PREFIX?: string;
}): NatsCredentials {
  return { seed: env.NATS_NKEY_SEED, inboxPrefix: env.NATS_INBOX_PREFIX };
}

/** The nats.js connection options of an identity (none without a seed or a prefix). */
export function natsAuthOptions(
  credentials?: NatsCredentials,
): Pick<ConnectionOptions, 'authenticator' | 'inboxPrefix'> {
  return {
    ...(credentials?.seed && {
      authenticator: nkeyAuthenticator(new TextEncoder().encode(credentials.seed)),
    }),
    ...(credentials?.inboxPrefix && { inboxPrefix: credentials.inboxPrefix }),
  };
}

export async function connectNats(
  url: string,
  name: string,
  credentials?: NatsCredentials,
): Promise<NatsConnection> {
  return connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    timeout: 5000,
    ...natsAuthOptions(credentials),
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
        {
          provide: NATS_CONNECTION,
          useFactory: () => connectNats(options.url, options.name, options.credentials),
        },
        { provide: EVENTS_CONFIG, useValue: options.events },
        { provide: INBOX_SCHEMA, useValue: options.inboxSchema ?? null },
        NatsLifecycle,
      ],
      exports: [NATS_CONNECTION, EVENTS_CONFIG, INBOX_SCHEMA],
    };
  }
}
