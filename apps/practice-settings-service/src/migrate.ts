import 'reflect-metadata';
import { migrateMain } from '@claimline/backend/util-service';
import { PracticeSettingsEnv, SERVICE_NAME } from './config/env';
import { practiceSettingsDataSourceOptions } from './database/data-source';

migrateMain(SERVICE_NAME, PracticeSettingsEnv, (env) => practiceSettingsDataSourceOptions(env.DATABASE_URL));
