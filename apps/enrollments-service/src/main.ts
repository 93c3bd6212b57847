import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { EnrollmentsEnv, SERVICE_NAME } from './config/env';

runService(AppModule, EnrollmentsEnv, SERVICE_NAME);
