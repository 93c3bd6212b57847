import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { EnrollmentsEnv, SERVICE_NAME } from './config/env';
import { enrollmentsDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, EnrollmentsEnv, (env) => enrollmentsDataSourceOptions(env.DATABASE_URL));
