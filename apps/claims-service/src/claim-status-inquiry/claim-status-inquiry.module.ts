import { Module } from '@nestjs/common';
import { ClearinghouseRealtimeClient } from '@claimline/backend/clearinghouse';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { ClaimsEnv } from '../config/env';
import { ClaimStatusInquiryController } from './claim-status-inquiry.controller';
import { ClaimStatusInquiryService } from './claim-status-inquiry.service';
import { ClaimStatusSweep } from './claim-status-sweep';

/** Claim status requests (276/277) through the clearinghouse's real-time port (ADR 0027). */
@Module({
  controllers: [ClaimStatusInquiryController],
  providers: [
    ClaimStatusInquiryService,
    ClaimStatusSweep,
    {
      provide: ClearinghouseRealtimeClient,
      inject: [ClaimsEnv],
      useFactory: (env: ClaimsEnv) =>
        new ClearinghouseRealtimeClient({
          url: env.CLEARINGHOUSE_ELIGIBILITY_URL,
          timeoutMs: env.CLEARINGHOUSE_TIMEOUT_MS,
          what: 'Claim status requests',
        }),
    },
    {
      provide: PhiCipher,
      inject: [ClaimsEnv],
      useFactory: (env: ClaimsEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
    },
  ],
})
export class ClaimStatusInquiryModule {}
