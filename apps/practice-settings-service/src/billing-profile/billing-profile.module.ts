import { Module } from '@nestjs/common';
import { PracticeSettingsEnv } from '../config/env';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { BillingProfileController } from './billing-profile.controller';
import { BillingProfileService } from './billing-profile.service';

@Module({
  controllers: [BillingProfileController],
  providers: [
    BillingProfileService,
    {
      provide: PhiCipher,
      inject: [PracticeSettingsEnv],
      useFactory: (env: PracticeSettingsEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
    },
  ],
})
export class BillingProfileModule {}
