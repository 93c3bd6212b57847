import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, registerDecorator } from 'class-validator';
import { BaseServiceEnv } from '@claimline/backend/util-config';

/** A base64 key that decodes to exactly 32 bytes (AES-256). */
function IsAes256Key(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'aes256Key',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'PHI_ENCRYPTION_KEY must be 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
      },
    });
}

export class PracticeSettingsEnv extends BaseServiceEnv {
  /** Key of the SSNs encrypted at rest (AES-256-GCM). */
  @IsAes256Key()
  PHI_ENCRYPTION_KEY: string;

  /** Services asked for readiness items on `readiness.items.<service>` (comma-separated; absent ones add nothing). */
  @Matches(/^$|^[a-z0-9-]+(,[a-z0-9-]+)*$/, { message: 'READINESS_CONTRIBUTORS must be comma-separated service names, e.g. client-insurance,enrollments' })
  READINESS_CONTRIBUTORS: string = 'client-insurance,enrollments,claims';

  @IsInt()
  @Min(10)
  @Max(5000)
  @Type(() => Number)
  READINESS_CONTRIBUTOR_TIMEOUT_MS: number = 250;
}

export const SERVICE_NAME = 'practice-settings';
export const SCHEMA = 'practice_settings';
