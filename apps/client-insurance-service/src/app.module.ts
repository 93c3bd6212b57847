import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { AuthorizationsModule } from './authorizations/authorizations.module';
import { ClientsModule } from './clients/clients.module';
import { ClientInsuranceEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { EligibilityModule } from './eligibility/eligibility.module';
import { clientInsuranceDataSourceOptions } from './database/data-source';
import { PayersModule } from './payers/payers.module';
import { PoliciesModule } from './policies/policies.module';
import { PracticesModule } from './practices/practices.module';

@Module({})
export class AppModule {
  static register(env: ClientInsuranceEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: clientInsuranceDataSourceOptions,
      imports: [
        PracticesModule,
        ClientsModule,
        PayersModule,
        PoliciesModule,
        AuthorizationsModule,
        EligibilityModule,
      ],
    });
  }
}
