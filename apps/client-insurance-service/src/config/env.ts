import { IsOptional, Matches } from 'class-validator';
import { BaseServiceEnv, IsEnvInt } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class ClientInsuranceEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts member IDs and keys their blind index. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;

  /**
   * The clearinghouse's real-time X12 endpoint (a 270 is POSTed, a 271 comes back); the sandbox's
   * is `http://127.0.0.1:<SANDBOX_HTTP_PORT>/x12`. Unset: eligibility checks answer 503.
   */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'CLEARINGHOUSE_ELIGIBILITY_URL must be an http:// or https:// URL' })
  CLEARINGHOUSE_ELIGIBILITY_URL?: string;

  /** How long to wait for the clearinghouse's 271; below the gateway's RPC timeout (5 s). */
  @IsEnvInt(100, 60_000)
  CLEARINGHOUSE_TIMEOUT_MS: number = 4000;
}

export const SERVICE_NAME = 'client-insurance';
export const SCHEMA = 'client_insurance';
