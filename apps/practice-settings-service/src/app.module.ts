import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { PracticeSettingsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { practiceSettingsDataSourceOptions } from './database/data-source';
import { BillingProfileModule } from './billing-profile/billing-profile.module';
import { LocationsModule } from './locations/locations.module';
import { PracticesModule } from './practices/practices.module';
import { PracticeTableLookup } from './practices/practice-table.lookup';
import { ReadinessModule } from './readiness/readiness.module';

@Module({})
export class AppModule {
  static register(env: PracticeSettingsEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: practiceSettingsDataSourceOptions,
      practiceLookup: PracticeTableLookup,
      imports: [ReadinessModule, PracticesModule, LocationsModule, BillingProfileModule],
    });
  }
}
