import { Matches } from 'class-validator';
import { BaseServiceEnv, IsEnvInt } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';
import { DOCUMENT_TRANSFER_BUCKET_DEFAULT } from '@claimline/contracts/documents';

export class PaymentsEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts every raw ERA file and unmatched patients' names. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;

  /** The JetStream Object Store bucket uploads come through (the gateway's, ADR 0007). */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'DOCUMENTS_TRANSFER_BUCKET must be letters, digits, - and _' })
  DOCUMENTS_TRANSFER_BUCKET: string = DOCUMENT_TRANSFER_BUCKET_DEFAULT;

  /** The largest ERA file taken in (bytes; 200 MB). The file is streamed: memory does not grow with it. */
  @IsEnvInt(1024, 2 * 1024 ** 3)
  ERA_MAX_BYTES: number = 200 * 1024 ** 2;

  /** CLP01s looked up in the claims read model at once while planning. */
  @IsEnvInt(1, 5000)
  ERA_BATCH_SIZE: number = 500;
}

export const SERVICE_NAME = 'payments';
export const SCHEMA = 'payments';
