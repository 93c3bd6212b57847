import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { BaseServiceEnv } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';
import { DOCUMENT_MAX_BYTES_DEFAULT, DOCUMENT_TRANSFER_BUCKET_DEFAULT } from '@claimline/contracts/documents';

export class DocumentsEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): wraps each document's own data key. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;

  /** Root of the local file-system storage driver (encrypted files only). */
  @IsString()
  @IsNotEmpty()
  DOCUMENTS_DIR: string = '.data/documents';

  /** Largest accepted document, in bytes (10 MB by default). */
  @IsInt()
  @Min(1)
  @Max(1024 * 1024 * 1024)
  @Type(() => Number)
  DOCUMENT_MAX_BYTES: number = DOCUMENT_MAX_BYTES_DEFAULT;

  /** JetStream Object Store bucket for bytes in transit between the gateway and this service. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'DOCUMENTS_TRANSFER_BUCKET must be letters, digits, - and _' })
  DOCUMENTS_TRANSFER_BUCKET: string = DOCUMENT_TRANSFER_BUCKET_DEFAULT;
}

export const SERVICE_NAME = 'documents';
export const SCHEMA = 'documents';
