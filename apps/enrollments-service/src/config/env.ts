import { BaseServiceEnv } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class EnrollmentsEnv extends BaseServiceEnv {
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts an SSN sent as Tax ID and keys the Tax ID blind index. */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;
}

export const SERVICE_NAME = 'enrollments';
export const SCHEMA = 'enrollments';
