import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { ClaimsEnv } from '../config/env';
import { CLIENT_INSURANCE_RPC, PRACTICE_SETTINGS_RPC } from '../practice-directory/practice-directory.client';
import { BillingFactsClient } from './billing-facts.client';
import { UnbilledController } from './unbilled.controller';
import { UnbilledService } from './unbilled.service';

const rpc = (token: symbol) => ({
  provide: token,
  inject: [NATS_CONNECTION, ClaimsEnv, AssertionSigner],
  useFactory: (nc: NatsConnection, env: ClaimsEnv, signer: AssertionSigner) =>
    new RpcClient(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
});

@Module({
  controllers: [UnbilledController],
  providers: [rpc(CLIENT_INSURANCE_RPC), rpc(PRACTICE_SETTINGS_RPC), BillingFactsClient, UnbilledService],
})
export class UnbilledModule {}
