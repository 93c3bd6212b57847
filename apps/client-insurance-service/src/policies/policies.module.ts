import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ClientInsuranceEnv } from '../config/env';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { PracticesModule } from '../practices/practices.module';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { PolicyCardsConsumer } from './policy-cards.consumer';

@Module({
  imports: [ClientsModule, PracticesModule],
  controllers: [PoliciesController],
  providers: [
    PoliciesService,
    PolicyCardsConsumer,
    {
      provide: PhiCipher,
      useFactory: (env: ClientInsuranceEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
      inject: [ClientInsuranceEnv],
    },
  ],
  exports: [PoliciesService],
})
export class PoliciesModule {}
