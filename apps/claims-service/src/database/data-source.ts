import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { AppointmentEntity } from '../appointments/entities/appointment.entity';
import { AppointmentLineEntity } from '../appointments/entities/appointment-line.entity';
import { AppointmentImportRowEntity } from '../appointment-import/entities/appointment-import-row.entity';
import { BillingTypeChangeEntity } from '../appointments/entities/billing-type-change.entity';
import { FeeScheduleEntity } from '../fee-schedule/entities/fee-schedule.entity';
import { FeeScheduleEntryEntity } from '../fee-schedule/entities/fee-schedule-entry.entity';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClaimStatusHistoryEntity } from '../claims/entities/claim-status-history.entity';
import { ClaimStatusInquiryEntity } from '../claim-status-inquiry/entities/claim-status-inquiry.entity';
import { Initial1764979200000 } from './migrations/1764979200000-initial';
import { AppointmentClaimLink1765065600000 } from './migrations/1765065600000-appointment-claim-link';
import { AppointmentImport1765100000000 } from './migrations/1765100000000-appointment-import';
import { Claims1765152000000 } from './migrations/1765152000000-claims';
import { UnbilledAndSelfPay1765238400000 } from './migrations/1765238400000-unbilled-and-self-pay';
import { OutboxTraceContext1796256000000 } from './migrations/1796256000000-outbox-trace-context';
import { Submission1765330000000 } from './migrations/1765330000000-submission';
import { ReceivedFileEntity } from '@claimline/backend/clearinghouse';
import { SubmissionBatchEntity } from '../submission/entities/submission-batch.entity';
import { ClaimSubmissionEntity } from '../submission/entities/claim-submission.entity';
import { SubmissionResponseEntity } from '../submission/entities/submission-response.entity';
import { UnmatchedResponseEntity } from '../submission/entities/unmatched-response.entity';
import { ClaimStatusInquiry1780200000000 } from './migrations/1780200000000-claim-status-inquiry';

export function claimsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      FeeScheduleEntity,
      FeeScheduleEntryEntity,
      AppointmentEntity,
      AppointmentLineEntity,
      AppointmentImportRowEntity,
      ClaimEntity,
      ClaimStatusHistoryEntity,
      ClaimStatusInquiryEntity,
      BillingTypeChangeEntity,
      SubmissionBatchEntity,
      ClaimSubmissionEntity,
      SubmissionResponseEntity,
      UnmatchedResponseEntity,
      ReceivedFileEntity,
      ...EVENT_ENTITIES,
    ],
    migrations: [
      Initial1764979200000,
      AppointmentClaimLink1765065600000,
      AppointmentImport1765100000000,
      Claims1765152000000,
      UnbilledAndSelfPay1765238400000,
      Submission1765330000000,
      ClaimStatusInquiry1780200000000,
      OutboxTraceContext1796256000000,
    ],
    applicationName: 'claims-service',
  });
}
