import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@claimline/backend/util-config';
import { NatsModule, OutboxModule } from '@claimline/backend/util-nats';
import { loggerParams } from '@claimline/backend/util-service';
import { PracticeSettingsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { practiceSettingsDataSourceOptions } from './database/data-source';
import { BillingProfileModule } from './billing-profile/billing-profile.module';
import { LocationsModule } from './locations/locations.module';
import { PracticesModule } from './practices/practices.module';
import { ReadinessModule } from './readiness/readiness.module';

@Module({})
export class AppModule {
  static register(env: PracticeSettingsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(SERVICE_NAME, PracticeSettingsEnv, env),
        LoggerModule.forRoot(loggerParams(SERVICE_NAME, env.LOG_LEVEL)),
        TypeOrmModule.forRoot(practiceSettingsDataSourceOptions(env.DATABASE_URL)),
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
        ReadinessModule,
        PracticesModule,
        LocationsModule,
        BillingProfileModule,
      ],
    };
  }
}
