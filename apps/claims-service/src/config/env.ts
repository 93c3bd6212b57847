import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
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

  /** The clearinghouse's real-time X12 endpoint, for claim status requests (276 → 277). Unset: none. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'CLEARINGHOUSE_ELIGIBILITY_URL must be an http:// or https:// URL' })
  CLEARINGHOUSE_ELIGIBILITY_URL?: string;

  /** How long to wait for the clearinghouse's 277; below the gateway's RPC timeout (5 s). */
  @IsEnvInt(100, 60_000)
  CLEARINGHOUSE_TIMEOUT_MS: number = 4000;

  /** Days with no answer after submission before the payer is asked for a claim's status. */
  @IsEnvInt(1, 999)
  CLAIM_STATUS_AFTER_DAYS: number = 30;

  /** Per payer, over CLAIM_STATUS_AFTER_DAYS: `<payer uuid>=<days>,…`. */
  @IsOptional()
  @Matches(/^\s*[0-9a-fA-F-]{36}=\d{1,3}(\s*,\s*[0-9a-fA-F-]{36}=\d{1,3})*\s*$/, {
    message: 'CLAIM_STATUS_AFTER_DAYS_BY_PAYER must be <payer uuid>=<days>, separated by commas',
  })
  CLAIM_STATUS_AFTER_DAYS_BY_PAYER?: string;

  /** How often the claims due a status request are looked for; 0 turns the sweep off. */
  @IsEnvInt(0, 1440)
  CLAIM_STATUS_SWEEP_MINUTES: number = 60;
}

export const SERVICE_NAME = 'claims';
export const SCHEMA = 'claims';
