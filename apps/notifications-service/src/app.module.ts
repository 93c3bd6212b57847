import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@claimline/backend/util-config';
import { NatsModule } from '@claimline/backend/util-nats';
import { loggerParams } from '@claimline/backend/util-service';
import { NotificationsEnv, SERVICE_NAME } from './config/env';
import { notificationsDataSourceOptions } from './database/data-source';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static register(env: NotificationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(SERVICE_NAME, NotificationsEnv, env),
        LoggerModule.forRoot(loggerParams(SERVICE_NAME, env.LOG_LEVEL)),
        TypeOrmModule.forRoot(notificationsDataSourceOptions(env.DATABASE_URL)),
        NatsModule.forRoot({
          url: env.NATS_URL,
          name: SERVICE_NAME,
          events: { subjectPrefix: env.EVENTS_SUBJECT_PREFIX, streamPrefix: env.EVENTS_STREAM_PREFIX },
        }),
        NotificationsModule,
      ],
    };
  }
}
