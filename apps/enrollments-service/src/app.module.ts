import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@claimline/backend/util-config';
import { NatsModule, OutboxModule } from '@claimline/backend/util-nats';
import { loggerParams } from '@claimline/backend/util-service';
import { EnrollmentsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { enrollmentsDataSourceOptions } from './database/data-source';

@Module({})
export class AppModule {
  static register(env: EnrollmentsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(SERVICE_NAME, EnrollmentsEnv, env),
        LoggerModule.forRoot(loggerParams(SERVICE_NAME, env.LOG_LEVEL)),
        TypeOrmModule.forRoot(enrollmentsDataSourceOptions(env.DATABASE_URL)),
        NatsModule.forRoot({
          url: env.NATS_URL,
          name: SERVICE_NAME,
          events: { subjectPrefix: env.EVENTS_SUBJECT_PREFIX, streamPrefix: env.EVENTS_STREAM_PREFIX },
        }),
        OutboxModule.forRoot({
          service: SERVICE_NAME,
          schema: SCHEMA,
          databaseUrl: env.DATABASE_URL,
          pollMs: env.OUTBOX_POLL_MS,
          startDelayMs: env.OUTBOX_RELAY_START_DELAY_MS,
        }),
        EnrollmentsModule,
      ],
    };
  }
}
