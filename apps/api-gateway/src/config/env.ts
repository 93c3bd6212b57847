import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseServiceEnv } from '@claimline/backend/util-config';
import { DOCUMENT_MAX_BYTES_DEFAULT, DOCUMENT_TRANSFER_BUCKET_DEFAULT } from '@claimline/contracts/documents';

export const SERVICE_NAME = 'api-gateway';
export const SCHEMA = 'gateway';

export class GatewayEnv extends BaseServiceEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** HMAC key of access tokens; at least 32 characters, never committed. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @Type(() => Number)
  @IsInt()
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS: number = 7 * 24 * 3600;

  /** Comma-separated origins allowed by CORS, e.g. `https://console.example.com`. */
  @IsString()
  CORS_ORIGINS: string = 'http://localhost:3000,http://127.0.0.1:3000';

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT: string = '100kb';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 6000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 30;

  /** Failed sign-ins in a row on one account (existing or not) before it is locked. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_LOCK_AFTER_FAILURES: number = 5;

  /** The first lock, in seconds; every further failure doubles it, up to LOGIN_LOCK_MAX_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_LOCK_SECONDS: number = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_LOCK_MAX_SECONDS: number = 900;

  /** Failed sign-ins further apart than this start counting again. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 86400)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 3600;

  @IsIn(['true', 'false'])
  TRUST_PROXY: string = 'false';

  /** First administrator, created at boot when no user has this e-mail (local stack and first deploy). */
  @IsOptional()
  @IsString()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** JetStream Object Store bucket that document bytes travel through; the same as documents-service's. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'DOCUMENTS_TRANSFER_BUCKET must be letters, digits, - and _' })
  DOCUMENTS_TRANSFER_BUCKET: string = DOCUMENT_TRANSFER_BUCKET_DEFAULT;

  /** Largest document upload, in bytes (10 MB by default); the same value as documents-service's, which checks it again. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024 * 1024 * 1024)
  DOCUMENT_MAX_BYTES: number = DOCUMENT_MAX_BYTES_DEFAULT;

  /** Folder of the built admin console to serve at `/`, when present. */
  @IsOptional()
  @IsString()
  CONSOLE_DIST?: string;
}
