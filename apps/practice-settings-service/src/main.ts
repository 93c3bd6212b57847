import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { PracticeSettingsEnv, SERVICE_NAME } from './config/env';

runService(AppModule, PracticeSettingsEnv, SERVICE_NAME);
