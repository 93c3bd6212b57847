import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { GatewayEnv, SERVICE_NAME } from './config/env';
import { gatewayDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, GatewayEnv, (env) => gatewayDataSourceOptions(env.DATABASE_URL));
