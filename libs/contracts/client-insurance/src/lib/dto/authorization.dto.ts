import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../validators';
import type { Warning } from './common.dto';

export class CreateAuthorizationBody {
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,50}$/, {
    message: 'number must be the authorization number: 1 to 50 letters, digits or dashes',
  })
  number: string;

  @IsInt({ message: 'usesAuthorized must be a whole number of visits' })
  @Min(1, { message: 'usesAuthorized must be at least 1 visit' })
  @Max(999)
  usesAuthorized: number;

  @IsCalendarDate()
  validFrom: string;

  @IsCalendarDate()
  validTo: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateAuthorizationCommand extends CreateAuthorizationBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  policyId: string;
}

export class UpdateAuthorizationBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,50}$/, {
    message: 'number must be the authorization number: 1 to 50 letters, digits or dashes',
  })
  number?: string;

  @IsOptional()
  @IsInt({ message: 'usesAuthorized must be a whole number of visits' })
  @Min(1, { message: 'usesAuthorized must be at least 1 visit' })
  @Max(999)
  usesAuthorized?: number;

  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @IsOptional()
  @IsCalendarDate()
  validTo?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateAuthorizationCommand extends UpdateAuthorizationBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  authorizationId: string;
}

export class AuthorizationRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  authorizationId: string;
}

export class ListAuthorizationsQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  policyId: string;
}

/**
 * Uses one visit for a claim (consume) or gives it back when the claim is voided (release).
 * `key` (the claim id) makes both idempotent: consuming twice with one key counts one use.
 * A released key is final: consuming it again is refused (a voided claim is not re-billed).
 */
export class AuthorizationUseCommand {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  authorizationId: string;

  @IsString()
  @Length(1, 100)
  key: string;
}

/** Visits a claims batch uses of one authorization, at most this many keys a call. */
export const MAX_AUTHORIZATION_USES = 1000;

/**
 * Uses one visit per key of one authorization in one transaction (`consume`, many times): a key
 * already consumed counts once, a released key is refused (final), and once the authorization is
 * used up (or inactive) the remaining keys are refused. Each key gets its own result.
 */
export class AuthorizationUseManyCommand {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  authorizationId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AUTHORIZATION_USES)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keys: string[];
}

/** One authorization's keys in a `consume-batch`. */
export class AuthorizationUsesDto {
  @IsUUID()
  authorizationId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AUTHORIZATION_USES)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keys: string[];
}

/**
 * `consume-many` for many authorizations of one practice in one call and one transaction (claims
 * making a batch of claims: one call instead of one per authorization), at most
 * MAX_AUTHORIZATION_USES keys in all. Same rules and results per authorization, in `uses` order.
 */
export class AuthorizationUseBatchCommand {
  @IsUUID()
  practiceId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AUTHORIZATION_USES)
  @ArrayUnique((u: AuthorizationUsesDto) => u.authorizationId, {
    message: 'uses must name each authorization once',
  })
  @ValidateNested({ each: true })
  @Type(() => AuthorizationUsesDto)
  uses: AuthorizationUsesDto[];
}

export interface AuthorizationUseBatchResult {
  /** One per entry of `uses`, in its order. */
  items: AuthorizationUseManyResult[];
}

export interface AuthorizationUseManyResult {
  authorization: AuthorizationView;
  /** In the order of `keys`: `applied` (a visit used now), `already` (used before), or `refused` with why. */
  results: { key: string; outcome: 'applied' | 'already' | 'refused'; reason?: string }[];
}

export const AUTHORIZATION_WARNING_CODES = [
  'inactive',
  'not_yet_valid',
  'expired',
  'ending_soon',
  'exhausted',
  'few_uses_left',
] as const;
export type AuthorizationWarningCode = (typeof AUTHORIZATION_WARNING_CODES)[number];

export interface AuthorizationWarning extends Warning {
  code: AuthorizationWarningCode;
}

export interface AuthorizationView {
  id: string;
  practiceId: string;
  clientId: string;
  policyId: string;
  number: string;
  usesAuthorized: number;
  usesConsumed: number;
  usesRemaining: number;
  validFrom: string;
  validTo: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Computed for today (UTC) on every answer. */
  warnings: AuthorizationWarning[];
}

export interface AuthorizationUseResult {
  authorization: AuthorizationView;
  /** False when the call changed nothing (the key was already consumed, or already released / never consumed). */
  applied: boolean;
}
