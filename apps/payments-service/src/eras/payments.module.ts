import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NatsConnection } from 'nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { NATS_CONNECTION, RpcClient, TransferBucket } from '@claimline/backend/util-nats';
import { ClaimRefsConsumer } from '../claims-ref/claim-refs.consumer';
import { CLAIMS_RPC, ClaimsClient } from '../claims-ref/claims.client';
import { PaymentsEnv } from '../config/env';
import { EraFiles } from './era-files';
import { ERA_FILES, EraImportService } from './era-import.service';
import { PaymentsController, TRANSFER_BUCKET } from './payments.controller';
import { PaymentsService } from './payments.service';

@Module({
  controllers: [PaymentsController],
  providers: [
    {
      provide: PhiCipher,
      inject: [PaymentsEnv],
      useFactory: (env: PaymentsEnv) => new PhiCipher(env.PHI_ENCRYPTION_KEY),
    },
    {
      provide: ERA_FILES,
      inject: [DataSource, PhiCipher, PaymentsEnv],
      useFactory: (db: DataSource, cipher: PhiCipher, env: PaymentsEnv) =>
        new EraFiles(db, cipher, env.ERA_MAX_BYTES),
    },
    {
      provide: TRANSFER_BUCKET,
      inject: [NATS_CONNECTION, PaymentsEnv],
      useFactory: (nc: NatsConnection, env: PaymentsEnv) =>
        new TransferBucket(nc, env.DOCUMENTS_TRANSFER_BUCKET),
    },
    {
      provide: CLAIMS_RPC,
      inject: [NATS_CONNECTION, PaymentsEnv, AssertionSigner],
      useFactory: (nc: NatsConnection, env: PaymentsEnv, signer: AssertionSigner) =>
        new RpcClient(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
    },
    ClaimsClient,
    ClaimRefsConsumer,
    EraImportService,
    PaymentsService,
  ],
})
export class PaymentsModule {}
