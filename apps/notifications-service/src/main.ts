import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { NotificationsEnv, SERVICE_NAME } from './config/env';

runService(AppModule, NotificationsEnv, SERVICE_NAME);
