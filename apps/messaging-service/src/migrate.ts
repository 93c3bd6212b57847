import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { MessagingEnv, SERVICE_NAME } from './config/env';
import { messagingDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, MessagingEnv, (env) => messagingDataSourceOptions(env.DATABASE_URL));
