import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@claimline/backend/util-service';
import { AuthorizationsModule } from './authorizations/authorizations.module';
import { ClientsModule } from './clients/clients.module';
import { ClientInsuranceEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { clientInsuranceDataSourceOptions } from './database/data-source';
import { PayersModule } from './payers/payers.module';
import { PoliciesModule } from './policies/policies.module';
import { PracticesModule } from './practices/practices.module';

@Module({})
export class AppModule {
  static register(env: ClientInsuranceEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure({
          service: SERVICE_NAME,
          schema: SCHEMA,
          envClass: ClientInsuranceEnv,
          env,
          dataSource: clientInsuranceDataSourceOptions(env.DATABASE_URL),
        }),
        PracticesModule,
        ClientsModule,
        PayersModule,
        PoliciesModule,
        AuthorizationsModule,
      ],
    };
  }
}
