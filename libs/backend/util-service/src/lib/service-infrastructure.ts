import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSourceOptions } from 'typeorm';
import { BaseServiceEnv, ConfigModule } from '@claimline/backend/util-config';
import { NatsModule, OutboxModule } from '@claimline/backend/util-nats';
import { loggerParams } from './logger';

export interface ServiceInfrastructureOptions<E extends BaseServiceEnv> {
  service: string;
  schema: string;
  envClass: new () => E;
  env: E;
  dataSource: DataSourceOptions;
  /** A service that publishes no events has no outbox table and no relay. */
  outbox?: boolean;
}

/**
 * What every service module imports first: its validated configuration, JSON logs, its schema's
 * DataSource, the NATS connection and the outbox with its relay.
 */
export function serviceInfrastructure<E extends BaseServiceEnv>(
  o: ServiceInfrastructureOptions<E>,
): DynamicModule[] {
  const { env } = o;
  return [
    ConfigModule.forRoot(o.service, o.envClass, env),
    LoggerModule.forRoot(loggerParams(o.service, env.LOG_LEVEL)),
    TypeOrmModule.forRoot(o.dataSource),
    NatsModule.forRoot({
      url: env.NATS_URL,
      name: o.service,
      events: {
        subjectPrefix: env.EVENTS_SUBJECT_PREFIX,
        streamPrefix: env.EVENTS_STREAM_PREFIX,
        maxAgeMs: env.EVENTS_MAX_AGE_HOURS * 3_600_000,
        maxBytes: env.EVENTS_MAX_BYTES,
      },
    }),
    ...(o.outbox === false
      ? []
      : [
          OutboxModule.forRoot({
            service: o.service,
            schema: o.schema,
            databaseUrl: env.DATABASE_URL,
            pollMs: env.OUTBOX_POLL_MS,
            startDelayMs: env.OUTBOX_RELAY_START_DELAY_MS,
            retentionMs: env.OUTBOX_RETENTION_HOURS * 3_600_000,
          }),
        ]),
  ];
}
