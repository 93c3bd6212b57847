import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { PaymentsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { paymentsDataSourceOptions } from './database/data-source';
import { PaymentsModule } from './eras/payments.module';

@Module({})
export class AppModule {
  static register(env: PaymentsEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: paymentsDataSourceOptions,
      imports: [PaymentsModule],
    });
  }
}
