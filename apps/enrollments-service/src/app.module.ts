import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { EnrollmentsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { enrollmentsDataSourceOptions } from './database/data-source';

@Module({})
export class AppModule {
  static register(env: EnrollmentsEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: enrollmentsDataSourceOptions,
      imports: [EnrollmentsModule],
    });
  }
}
