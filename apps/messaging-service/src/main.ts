import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { MessagingEnv, SERVICE_NAME } from './config/env';

runService(AppModule, MessagingEnv, SERVICE_NAME);
