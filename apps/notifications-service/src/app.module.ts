import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@claimline/backend/util-service';
import { NotificationsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { notificationsDataSourceOptions } from './database/data-source';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static register(env: NotificationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure({
          service: SERVICE_NAME,
          schema: SCHEMA,
          envClass: NotificationsEnv,
          env,
          dataSource: notificationsDataSourceOptions(env.DATABASE_URL),
          outbox: false,
        }),
        NotificationsModule,
      ],
    };
  }
}
