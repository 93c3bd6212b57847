import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { ClientInsuranceEnv, SERVICE_NAME } from './config/env';

runService(AppModule, ClientInsuranceEnv, SERVICE_NAME);
