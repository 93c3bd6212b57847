import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { BaseServiceEnv, IsEnvFlag, IsEnvInt } from '@claimline/backend/util-config';
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
  @IsEnvInt(1, 1024 * 1024 * 1024)
  DOCUMENT_MAX_BYTES: number = DOCUMENT_MAX_BYTES_DEFAULT;

  /** JetStream Object Store bucket for bytes in transit between the gateway and this service. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'DOCUMENTS_TRANSFER_BUCKET must be letters, digits, - and _' })
  DOCUMENTS_TRANSFER_BUCKET: string = DOCUMENT_TRANSFER_BUCKET_DEFAULT;

  /** Where encrypted files are kept: `local` (under `DOCUMENTS_DIR`) or `s3` (the `S3_*` settings). */
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Bucket of the documents (it must exist; the service does not create it). Required with `s3`. */
  @ValidateIf(usesS3)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message:
      'S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, . and -) when STORAGE_DRIVER=s3',
  })
  S3_BUCKET?: string;

  /** Prepended to every object key, e.g. `documents/`; empty by default. */
  @Matches(/^([A-Za-z0-9!_.*'()-]+\/)*$/, {
    message: 'S3_PREFIX must be empty or path segments each ending in /, e.g. documents/',
  })
  S3_PREFIX: string = '';

  @Matches(/^[a-z0-9-]+$/, { message: 'S3_REGION must be a region name such as us-east-1' })
  S3_REGION: string = 'us-east-1';

  /** For S3-compatible stores (MinIO, Ceph…): `https://minio.internal:9000`. Unset for AWS. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'S3_ENDPOINT must be an http(s):// URL' },
  )
  S3_ENDPOINT?: string;

  /** With S3_SECRET_ACCESS_KEY, or neither (then the SDK's default chain: environment, instance or task role). */
  @ValidateIf(usesS3Keys)
  @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf(usesS3Keys)
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY and S3_ACCESS_KEY_ID go together: set both or neither' })
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (`endpoint/bucket/key`), which MinIO and most self-hosted stores need. */
  @IsEnvFlag()
  S3_FORCE_PATH_STYLE: boolean = false;

  /**
   * Most pixels (width × height) an uploaded JPEG or PNG may have; more is refused before it is
   * decoded (decompression bombs). 100 megapixels by default: any phone photo under the size limit.
   */
  @IsEnvInt(1_000_000, 1_000_000_000)
  DOCUMENT_IMAGE_MAX_PIXELS: number = 100_000_000;

  /** How many images are decoded for their preview at the same time (each holds its file in memory meanwhile). */
  @IsEnvInt(1, 32)
  DOCUMENT_PREVIEW_CONCURRENCY: number = 2;
}

export const SERVICE_NAME = 'documents';
export const SCHEMA = 'documents';

// S3 settings' conditions: function declarations, hoisted above the decorators that use them.
function usesS3(env: { STORAGE_DRIVER?: string }): boolean {
  return env.STORAGE_DRIVER === 's3';
}

function usesS3Keys(env: {
  STORAGE_DRIVER?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}): boolean {
  return usesS3(env) && (env.S3_ACCESS_KEY_ID !== undefined || env.S3_SECRET_ACCESS_KEY !== undefined);
}
