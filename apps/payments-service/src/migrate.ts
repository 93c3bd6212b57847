import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { PaymentsEnv, SERVICE_NAME } from './config/env';
import { paymentsDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, PaymentsEnv, (env) => paymentsDataSourceOptions(env.DATABASE_URL));
