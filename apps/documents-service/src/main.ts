import 'reflect-metadata';
import { runService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { DocumentsEnv, SERVICE_NAME } from './config/env';

runService(AppModule, DocumentsEnv, SERVICE_NAME);
