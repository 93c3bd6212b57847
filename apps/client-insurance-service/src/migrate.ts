import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { ClientInsuranceEnv, SERVICE_NAME } from './config/env';
import { clientInsuranceDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, ClientInsuranceEnv, (env) => clientInsuranceDataSourceOptions(env.DATABASE_URL));
