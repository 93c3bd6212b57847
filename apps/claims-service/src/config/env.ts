import { BaseServiceEnv } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class ClaimsEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts each claim's snapshot and findings. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;
}

export const SERVICE_NAME = 'claims';
export const SCHEMA = 'claims';
