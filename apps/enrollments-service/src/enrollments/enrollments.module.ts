import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { CLEARINGHOUSE_ENROLLMENT } from '../clearinghouse/clearinghouse-enrollment.port';
import { LocalClearinghouseEnrollment } from '../clearinghouse/local-clearinghouse-enrollment';
import { EnrollmentsEnv } from '../config/env';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { CLIENT_INSURANCE_RPC, PayerDirectory } from '../payers/payer-directory';
import { DOCUMENTS_RPC, DocumentsClient } from '../documents/documents.client';
import { PRACTICE_SETTINGS_RPC, PracticeSettingsClient } from '../practice-settings/practice-settings.client';
import { ClientInsuranceConsumer } from './client-insurance.consumer';
import { EnrollmentEngine } from './enrollment-engine';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService, PHI_CIPHER } from './enrollments.service';

const rpc = (token: symbol) => ({
  provide: token,
  inject: [NATS_CONNECTION, EnrollmentsEnv, AssertionSigner],
  useFactory: (nc: NatsConnection, env: EnrollmentsEnv, signer: AssertionSigner) =>
    new RpcClient(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
});

@Module({
  controllers: [EnrollmentsController],
  providers: [
    rpc(CLIENT_INSURANCE_RPC),
    rpc(PRACTICE_SETTINGS_RPC),
    rpc(DOCUMENTS_RPC),
    {
      provide: PHI_CIPHER,
      inject: [EnrollmentsEnv],
      useFactory: (env: EnrollmentsEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
    },
    { provide: CLEARINGHOUSE_ENROLLMENT, useClass: LocalClearinghouseEnrollment },
    PayerDirectory,
    PracticeSettingsClient,
    DocumentsClient,
    EnrollmentEngine,
    EnrollmentsService,
    ClientInsuranceConsumer,
  ],
})
export class EnrollmentsModule {}
