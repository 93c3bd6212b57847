import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { ClearinghouseRealtimeClient } from '@claimline/backend/clearinghouse';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { ClientInsuranceEnv } from '../config/env';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService, PRACTICE_SETTINGS_RPC } from './eligibility.service';

/** Real-time eligibility through the clearinghouse (ADR 0027). */
@Module({
  controllers: [EligibilityController],
  providers: [
    EligibilityService,
    {
      provide: ClearinghouseRealtimeClient,
      inject: [ClientInsuranceEnv],
      useFactory: (env: ClientInsuranceEnv) =>
        new ClearinghouseRealtimeClient({
          url: env.CLEARINGHOUSE_ELIGIBILITY_URL,
          timeoutMs: env.CLEARINGHOUSE_TIMEOUT_MS,
          what: 'Eligibility checks',
        }),
    },
    {
      provide: PhiCipher,
      useFactory: (env: ClientInsuranceEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
      inject: [ClientInsuranceEnv],
    },
    {
      provide: PRACTICE_SETTINGS_RPC,
      inject: [NATS_CONNECTION, ClientInsuranceEnv, AssertionSigner],
      useFactory: (nc: NatsConnection, env: ClientInsuranceEnv, signer: AssertionSigner) =>
        new RpcClient(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
    },
  ],
})
export class EligibilityModule {}
