import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@claimline/backend/util-service';
import { EnrollmentsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { enrollmentsDataSourceOptions } from './database/data-source';

@Module({})
export class AppModule {
  static register(env: EnrollmentsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure({
          service: SERVICE_NAME,
          schema: SCHEMA,
          envClass: EnrollmentsEnv,
          env,
          dataSource: enrollmentsDataSourceOptions(env.DATABASE_URL),
        }),
        EnrollmentsModule,
      ],
    };
  }
}
