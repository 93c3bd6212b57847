import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { ClaimsEnv } from '../config/env';
import { FeeScheduleModule } from '../fee-schedule/fee-schedule.module';
import {
  CLIENT_INSURANCE_RPC,
  PRACTICE_SETTINGS_RPC,
  PracticeDirectoryClient,
} from '../practice-directory/practice-directory.client';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

const rpc = (token: symbol) => ({
  provide: token,
  inject: [NATS_CONNECTION, ClaimsEnv, AssertionSigner],
  useFactory: (nc: NatsConnection, env: ClaimsEnv, signer: AssertionSigner) =>
    new RpcClient(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
});

@Module({
  imports: [FeeScheduleModule],
  controllers: [AppointmentsController],
  providers: [
    rpc(CLIENT_INSURANCE_RPC),
    rpc(PRACTICE_SETTINGS_RPC),
    PracticeDirectoryClient,
    AppointmentsService,
  ],
  // The CSV import checks and saves rows as create does, and asks the same directory.
  exports: [AppointmentsService, PracticeDirectoryClient],
})
export class AppointmentsModule {}
