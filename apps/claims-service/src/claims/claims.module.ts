import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { ClaimsEnv } from '../config/env';
import { CLIENT_INSURANCE_RPC, PRACTICE_SETTINGS_RPC } from '../practice-directory/practice-directory.client';
import { ClaimSourcesClient, ENROLLMENTS_RPC } from './claim-sources.client';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';

const rpc = (token: symbol) => ({
  provide: token,
  inject: [NATS_CONNECTION, ClaimsEnv, AssertionSigner],
  useFactory: (nc: NatsConnection, env: ClaimsEnv, signer: AssertionSigner) =>
    new RpcClient(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
});

@Module({
  controllers: [ClaimsController],
  providers: [
    rpc(CLIENT_INSURANCE_RPC),
    rpc(PRACTICE_SETTINGS_RPC),
    rpc(ENROLLMENTS_RPC),
    {
      provide: PhiCipher,
      inject: [ClaimsEnv],
      useFactory: (env: ClaimsEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
    },
    ClaimSourcesClient,
    ClaimsService,
  ],
  // The adjudication module serves a claim's remittance reference from it.
  exports: [ClaimsService],
})
export class ClaimsModule {}
