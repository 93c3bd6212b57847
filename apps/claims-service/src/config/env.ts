import { IsIn, IsOptional, IsString } from 'class-validator';
import { BaseServiceEnv, IsEnvInt } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class ClaimsEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts each claim's snapshot and findings. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;

  /**
   * The clearinghouse accounts (a JSON array, each private key in its own file: `loadClearinghouseAccounts`
   * of `@claimline/backend/clearinghouse`). Unset: no clearinghouse, claims are not submitted.
   */
  @IsOptional()
  @IsString()
  CLEARINGHOUSE_ACCOUNTS_FILE?: string;

  /** Where every file sent and received is archived, encrypted with the PHI key. */
  @IsString()
  CLEARINGHOUSE_ARCHIVE_DIR: string = '.data/clearinghouse-archive';

  /** How often the upload worker looks for recorded batches (ms); a submit also wakes it. */
  @IsEnvInt(50, 600_000)
  SUBMISSION_UPLOAD_POLL_MS: number = 5000;

  /** How often the acknowledgements (TA1, 999, 277CA) are fetched from each account (ms). */
  @IsEnvInt(50, 3_600_000)
  CLEARINGHOUSE_POLL_MS: number = 30_000;

  /**
   * Tests only: the process kills itself with SIGKILL at this point of the submission path, to
   * prove a crash there neither loses a claim nor sends it twice.
   */
  @IsOptional()
  @IsIn(['after-batch-recorded', 'after-upload'])
  CLAIMS_TEST_CRASH_AT?: 'after-batch-recorded' | 'after-upload';
}

export const SERVICE_NAME = 'claims';
export const SCHEMA = 'claims';
