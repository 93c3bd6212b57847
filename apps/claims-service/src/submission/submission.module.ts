import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { ClearinghouseAccounts } from '../clearinghouse/clearinghouse-accounts';
import { AcknowledgementPoller } from './acknowledgement.poller';
import { SubmissionController } from './submission.controller';
import { SubmissionService } from './submission.service';
import { UploadWorker } from './upload.worker';

/** Claims sent to a clearinghouse and its answers turned into statuses (issue #17, ADR 0023). */
@Module({
  imports: [ClaimsModule],
  controllers: [SubmissionController],
  providers: [ClearinghouseAccounts, SubmissionService, UploadWorker, AcknowledgementPoller],
  exports: [UploadWorker, AcknowledgementPoller],
})
export class SubmissionModule {}
