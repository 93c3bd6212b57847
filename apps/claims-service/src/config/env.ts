import { IsOptional, Matches } from 'class-validator';
import { BaseServiceEnv, IsEnvInt } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class ClaimsEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts each claim's snapshot and findings. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;

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
