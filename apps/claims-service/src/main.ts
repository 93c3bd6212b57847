import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { ClaimsEnv, SERVICE_NAME } from './config/env';

runService(AppModule, ClaimsEnv, SERVICE_NAME);
