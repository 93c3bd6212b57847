import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { DocumentsEnv, SERVICE_NAME } from './config/env';
import { documentsDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, DocumentsEnv, (env) => documentsDataSourceOptions(env.DATABASE_URL));
