import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { NotificationsEnv, SERVICE_NAME } from './config/env';
import { notificationsDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, NotificationsEnv, (env) => notificationsDataSourceOptions(env.DATABASE_URL));
