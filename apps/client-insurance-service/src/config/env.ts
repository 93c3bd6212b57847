import { BaseServiceEnv } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class ClientInsuranceEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts member IDs and keys their blind index. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;
}

export const SERVICE_NAME = 'client-insurance';
export const SCHEMA = 'client_insurance';
