import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { PaymentsEnv, SERVICE_NAME } from './config/env';

runService(AppModule, PaymentsEnv, SERVICE_NAME);
