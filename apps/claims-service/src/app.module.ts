import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@claimline/backend/util-service';
import { AppointmentsModule } from './appointments/appointments.module';
import { AdjudicationModule } from './adjudication/adjudication.module';
import { AppointmentImportModule } from './appointment-import/appointment-import.module';
import { ClaimsModule } from './claims/claims.module';
import { ClaimStatusInquiryModule } from './claim-status-inquiry/claim-status-inquiry.module';
import { ClaimsEnv, SCHEMA, SERVICE_NAME } from './config/env';
import { claimsDataSourceOptions } from './database/data-source';
import { FeeScheduleModule } from './fee-schedule/fee-schedule.module';
import { SubmissionModule } from './submission/submission.module';
import { UnbilledModule } from './unbilled/unbilled.module';

@Module({})
export class AppModule {
  static register(env: ClaimsEnv): DynamicModule {
    return serviceModule(AppModule, env, {
      service: SERVICE_NAME,
      schema: SCHEMA,
      dataSource: claimsDataSourceOptions,
      imports: [
        FeeScheduleModule,
        AppointmentsModule,
        AppointmentImportModule,
        ClaimsModule,
        UnbilledModule,
        SubmissionModule,
        AdjudicationModule,
        ClaimStatusInquiryModule,
      ],
    });
  }
}
