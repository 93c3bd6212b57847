import { Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { NATS_CONNECTION, TransferBucket } from '@claimline/backend/util-nats';
import { DocumentsEnv } from '../config/env';
import { EnvelopeCipher } from '../crypto/envelope';
import { LocalFsStorageDriver } from '../storage/local-fs.driver';
import { S3StorageDriver } from '../storage/s3.driver';
import { STORAGE_DRIVER } from '../storage/storage-driver';
import { DocumentsController } from './documents.controller';
import { DocumentsService, ENVELOPE_CIPHER, IMAGE_PREVIEWER, TRANSFER_BUCKET } from './documents.service';
import { ImagePreviewer } from '../preview/image-preview';

@Module({
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    {
      provide: STORAGE_DRIVER,
      inject: [DocumentsEnv],
      useFactory: (env: DocumentsEnv) =>
        env.STORAGE_DRIVER === 's3'
          ? S3StorageDriver.fromEnv(env)
          : new LocalFsStorageDriver(env.DOCUMENTS_DIR),
    },
    {
      provide: ENVELOPE_CIPHER,
      inject: [DocumentsEnv],
      useFactory: (env: DocumentsEnv) => new EnvelopeCipher(env.PHI_ENCRYPTION_KEY),
    },
    {
      provide: IMAGE_PREVIEWER,
      inject: [DocumentsEnv],
      useFactory: (env: DocumentsEnv) =>
        new ImagePreviewer(env.DOCUMENT_IMAGE_MAX_PIXELS, env.DOCUMENT_PREVIEW_CONCURRENCY),
    },
    {
      provide: TRANSFER_BUCKET,
      inject: [NATS_CONNECTION, DocumentsEnv],
      useFactory: (nc: NatsConnection, env: DocumentsEnv) =>
        new TransferBucket(nc, env.DOCUMENTS_TRANSFER_BUCKET),
    },
  ],
})
export class DocumentsModule {}
