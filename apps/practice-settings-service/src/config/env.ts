import { Matches } from 'class-validator';
import { BaseServiceEnv, IsEnvInt } from '@claimline/backend/util-config';
import { IsPhiKey } from '@claimline/backend/util-crypto';

export class PracticeSettingsEnv extends BaseServiceEnv {
  /** Key of the SSNs encrypted at rest (AES-256-GCM). */
  @IsPhiKey()
  PHI_ENCRYPTION_KEY: string;

  /** Services asked for readiness items on `readiness.items.<service>` (comma-separated; absent ones add nothing). */
  @Matches(/^$|^[a-z0-9-]+(,[a-z0-9-]+)*$/, {
    message:
      'READINESS_CONTRIBUTORS must be comma-separated service names, e.g. client-insurance,enrollments',
  })
  READINESS_CONTRIBUTORS: string = 'client-insurance,enrollments,claims';

  @IsEnvInt(10, 5000)
  READINESS_CONTRIBUTOR_TIMEOUT_MS: number = 250;
}

export const SERVICE_NAME = 'practice-settings';
export const SCHEMA = 'practice_settings';
