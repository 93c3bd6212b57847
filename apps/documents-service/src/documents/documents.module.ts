import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@claimline/backend/util-nats';
import { DocumentsEnv } from '../config/env';
import { EnvelopeCipher } from '../crypto/envelope';
import { LocalFsStorageDriver } from '../storage/local-fs.driver';
import { STORAGE_DRIVER } from '../storage/storage-driver';
import { TransferBucket } from '@claimline/backend/util-nats';
import { DocumentsController } from './documents.controller';
import { DocumentsService, ENVELOPE_CIPHER, TRANSFER_BUCKET } from './documents.service';

@Module({
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    { provide: STORAGE_DRIVER, inject: [DocumentsEnv], useFactory: (env: DocumentsEnv) => new LocalFsStorageDriver(env.DOCUMENTS_DIR) },
    { provide: ENVELOPE_CIPHER, inject: [DocumentsEnv], useFactory: (env: DocumentsEnv) => new EnvelopeCipher(env.PHI_ENCRYPTION_KEY) },
    {
      provide: TRANSFER_BUCKET,
      inject: [NATS_CONNECTION, DocumentsEnv],
      useFactory: (nc: NatsConnection, env: DocumentsEnv) => new TransferBucket(nc, env.DOCUMENTS_TRANSFER_BUCKET),
    },
  ],
})
export class DocumentsModule {}
