import { DynamicModule, ModuleMetadata, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSourceOptions } from 'typeorm';
import { BaseServiceEnv, ConfigModule } from '@claimline/backend/util-config';
import { PracticeLookup, RpcAuthModule } from '@claimline/backend/util-auth';
import { NatsModule, natsCredentialsOf, OutboxModule } from '@claimline/backend/util-nats';
import { MetricsModule } from '@claimline/backend/util-metrics';
import { loggerParams } from './logger';

export interface ServiceInfrastructureOptions<E extends BaseServiceEnv> {
  service: string;
  schema: string;
  envClass: new () => E;
  env: E;
  dataSource: DataSourceOptions;
  /** A service that publishes no events has no outbox table and no relay. */
  outbox?: boolean;
  /** How `@Authorize({ practice })` learns a practice exists (default: ask practice-settings). */
  practiceLookup?: Type<PracticeLookup> | 'practice-settings';
}

export interface ServiceModuleOptions<E extends BaseServiceEnv> extends Omit<
  ServiceInfrastructureOptions<E>,
  'env' | 'envClass' | 'dataSource'
> {
  /** The service's DataSource options for its `DATABASE_URL` (`database/data-source.ts`). */
  dataSource: (databaseUrl: string) => DataSourceOptions;
  /** The service's own modules, imported after the infrastructure. */
  imports: NonNullable<ModuleMetadata['imports']>;
}

/**
 * A service's root module (`AppModule.register(env)`): `serviceInfrastructure()` first, then the
 * service's own modules, so a service states only its name, schema, data source and modules.
 * `env` is what `validateEnv()` returned: its class is the token services inject it by.
 */
export function serviceModule<E extends BaseServiceEnv>(
  module: Type<unknown>,
  env: E,
  options: ServiceModuleOptions<E>,
): DynamicModule {
  const { imports, dataSource, ...infrastructure } = options;
  if (!(env instanceof BaseServiceEnv)) {
    throw new Error(`${options.service}: pass the environment validateEnv() returned`);
  }
  const envClass = env.constructor as new () => E;
  return {
    module,
    imports: [
      ...serviceInfrastructure({
        ...infrastructure,
        env,
        envClass,
        dataSource: dataSource(env.DATABASE_URL),
      }),
      ...imports,
    ],
  };
}

/**
 * What every service module imports first: its validated configuration, JSON logs, its schema's
 * DataSource, the NATS connection, the outbox with its relay, the caller assertions (its own
 * signing key, the keys it trusts and the guard `bootstrapService` installs) and its metrics
 * (served on `METRICS_PORT` when set).
 */
export function serviceInfrastructure<E extends BaseServiceEnv>(
  o: ServiceInfrastructureOptions<E>,
): DynamicModule[] {
  const { env } = o;
  return [
    ConfigModule.forRoot(o.service, o.envClass, env),
    LoggerModule.forRoot(loggerParams(o.service, env.LOG_LEVEL)),
    TypeOrmModule.forRoot(o.dataSource),
    MetricsModule.forRoot({ service: o.service, port: env.METRICS_PORT, host: env.METRICS_HOST }),
    NatsModule.forRoot({
      url: env.NATS_URL,
      name: o.service,
      events: {
        subjectPrefix: env.EVENTS_SUBJECT_PREFIX,
        streamPrefix: env.EVENTS_STREAM_PREFIX,
        maxAgeMs: env.EVENTS_MAX_AGE_HOURS * 3_600_000,
        maxBytes: env.EVENTS_MAX_BYTES,
        replicas: env.EVENTS_REPLICAS,
      },
      credentials: natsCredentialsOf(env),
      inboxSchema: o.schema,
    }),
    RpcAuthModule.forRoot({
      issuer: o.service,
      signingKey: env.RPC_SIGNING_KEY,
      trustedKeys: env.RPC_TRUSTED_KEYS ?? '',
      practiceLookup: o.practiceLookup ?? 'practice-settings',
      rpcTimeoutMs: env.RPC_TIMEOUT_MS,
      rpcSubjectPrefix: env.RPC_SUBJECT_PREFIX,
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
