import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { MessagingEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { messagingDataSourceOptions } from './database/data-source';
import { PracticeRefLookup } from './directory/practice-ref.lookup';
import { MessagingModule } from './threads/messaging.module';

@Module({})
export class AppModule {
  static register(env: MessagingEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: messagingDataSourceOptions,
      // The read model of practice-settings answers "does this practice exist" (no RPC per request).
      practiceLookup: PracticeRefLookup,
      imports: [MessagingModule],
    });
  }
}
