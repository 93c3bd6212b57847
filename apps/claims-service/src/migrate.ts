import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { ClaimsEnv, SERVICE_NAME } from './config/env';
import { claimsDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, ClaimsEnv, (env) => claimsDataSourceOptions(env.DATABASE_URL));
