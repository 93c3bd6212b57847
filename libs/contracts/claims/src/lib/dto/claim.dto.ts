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
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CLAIM_STATUSES,
  CLAIM_VOID_REASONS,
  type ClaimStatus,
  type ClaimVoidReason,
} from '@claimline/domain';
import { PageQueryDto } from '@claimline/contracts/common';
import { CLAIM_PERIODS, MAX_CLAIM_BATCH, MAX_CLAIMS_PER_837P, type ClaimPeriod } from '../claims.subjects';

export type {
  ClaimFileView,
  ClaimFindingView,
  ClaimHistoryView,
  ClaimLineView,
  ClaimPage,
  ClaimSummaryView,
  ClaimView,
  CreateClaimsResult,
  NotClaimedView,
} from '../claim.views';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** POST body: the appointments to bill, grouped into claims by `period` (default `month`). */
export class CreateClaimsBody {
  @IsArray()
  @ArrayMinSize(1, { message: `appointmentIds must list 1 to ${MAX_CLAIM_BATCH} appointments` })
  @ArrayMaxSize(MAX_CLAIM_BATCH, { message: `appointmentIds must list 1 to ${MAX_CLAIM_BATCH} appointments` })
  @ArrayUnique({ message: 'appointmentIds must not list an appointment twice' })
  @IsUUID('all', { each: true, message: 'each of appointmentIds must be a UUID' })
  appointmentIds: string[];

  @IsOptional()
  @IsIn(CLAIM_PERIODS, { message: 'period must be month, day or appointment' })
  period?: ClaimPeriod;
}

export class CreateClaimsCommand extends CreateClaimsBody {
  @IsUUID()
  practiceId: string;
}

export class ClaimRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  claimId: string;
}

/** `?status=&clientId=&payerId=&from=&to=&limit=&offset=`; dates of service inclusive (any overlap). */
export class ListClaimsParams extends PageQueryDto {
  @IsOptional()
  @IsIn(CLAIM_STATUSES, { message: `status must be one of ${CLAIM_STATUSES.join(', ')}` })
  status?: ClaimStatus;

  @IsOptional()
  @IsUUID()
  clientId?: string;

  @IsOptional()
  @IsUUID()
  payerId?: string;

  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;
}

export class ListClaimsQuery extends ListClaimsParams {
  @IsUUID()
  practiceId: string;
}

/** The version read: a re-scrub or void of a claim changed since answers 409. */
export class ClaimVersionBody {
  @Type(() => Number)
  @IsInt({ message: 'version must be the version you read' })
  @Min(1)
  version: number;
}

export class ScrubClaimCommand extends ClaimVersionBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  claimId: string;
}

export class VoidClaimBody extends ClaimVersionBody {
  @IsIn(CLAIM_VOID_REASONS, { message: `reason must be one of ${CLAIM_VOID_REASONS.join(', ')}` })
  reason: ClaimVoidReason;

  /** Required when `reason` is `other`. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 500, { message: 'note must be 1 to 500 characters' })
  note?: string | null;
}

export class VoidClaimCommand extends VoidClaimBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  claimId: string;
}

export class FileOutsideCommand {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  appointmentId: string;
}

export const CMS1500_VARIANTS = ['full', 'data'] as const;
export type Cms1500Variant = (typeof CMS1500_VARIANTS)[number];

/** `?variant=full` (the form drawn, the default) or `data` (for red pre-printed forms). */
export class Cms1500Params {
  @IsOptional()
  @IsIn(CMS1500_VARIANTS, { message: 'variant must be full or data' })
  variant?: Cms1500Variant;
}

export class Cms1500Query extends Cms1500Params {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  claimId: string;
}

/** The claims of one 837P file (one billing provider). */
export class Claims837Body {
  @IsArray()
  @ArrayMinSize(1, { message: `claimIds must list 1 to ${MAX_CLAIMS_PER_837P} claims` })
  @ArrayMaxSize(MAX_CLAIMS_PER_837P, { message: `claimIds must list 1 to ${MAX_CLAIMS_PER_837P} claims` })
  @ArrayUnique({ message: 'claimIds must not list a claim twice' })
  @IsUUID('all', { each: true, message: 'each of claimIds must be a UUID' })
  claimIds: string[];
}

export class Claims837Query extends Claims837Body {
  @IsUUID()
  practiceId: string;
}
