import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@claimline/backend/util-service';
import { DocumentsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { documentsDataSourceOptions } from './database/data-source';
import { DocumentsModule } from './documents/documents.module';

@Module({})
export class AppModule {
  static register(env: DocumentsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceInfrastructure({
          service: SERVICE_NAME,
          schema: SCHEMA,
          envClass: DocumentsEnv,
          env,
          dataSource: documentsDataSourceOptions(env.DATABASE_URL),
        }),
        DocumentsModule,
      ],
    };
  }
}
