import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { NotificationsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { notificationsDataSourceOptions } from './database/data-source';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static register(env: NotificationsEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: notificationsDataSourceOptions,
      outbox: false,
      imports: [NotificationsModule],
    });
  }
}
