import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { DocumentsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { documentsDataSourceOptions } from './database/data-source';
import { DocumentsModule } from './documents/documents.module';

@Module({})
export class AppModule {
  static register(env: DocumentsEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: documentsDataSourceOptions,
      imports: [DocumentsModule],
    });
  }
}
