import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { BILLING_TYPES, type BillingType } from '@claimline/domain';

import {
  MAX_UNBILLED_PAGE,
  MAX_UNBILLED_PRACTICES,
  UNBILLED_READINESS,
  type UnbilledReadiness,
} from '../unbilled.views';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The cursor is opaque; this bounds what the service will try to read. */
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** The filters of `GET /practices/{id}/unbilled-appointments`. */
export class UnbilledListParams {
  @IsOptional()
  @IsUUID('all', { message: 'clinicianId must be a UUID' })
  clinicianId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'payerId must be a UUID' })
  payerId?: string;

  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsIn(UNBILLED_READINESS, { message: 'readiness must be ready or missing_info' })
  readiness?: UnbilledReadiness;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_UNBILLED_PAGE, { message: `limit must be at most ${MAX_UNBILLED_PAGE}` })
  limit?: number;

  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

/** The filters of `GET /unbilled-appointments` (across the practices you work for). */
export class UnbilledAcrossParams extends UnbilledListParams {
  @IsOptional()
  @IsUUID('all', { message: 'practiceId must be a UUID' })
  practiceId?: string;
}

export class ListUnbilledQuery extends UnbilledListParams {
  /** The practices to list; the caller must have each in scope (404 otherwise, like a missing one). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_UNBILLED_PRACTICES, {
    message: `practiceIds may list at most ${MAX_UNBILLED_PRACTICES} practices`,
  })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  practiceIds: string[];
}

/** Switch an appointment to self-pay (it leaves the unbilled list) or back to insurance. */
export class SetBillingTypeBody {
  @IsIn(BILLING_TYPES, { message: 'billingType must be insurance or self_pay' })
  billingType: BillingType;

  /** Why, for the record (e.g. "client chose to pay out of pocket"); kept with who and when. */
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason: string;

  @IsInt()
  @Min(1)
  version: number;
}

export class SetBillingTypeCommand extends SetBillingTypeBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  appointmentId: string;
}
