import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_FEE_SCHEDULE_ENTRIES, MAX_MODIFIERS } from '../claims.subjects';

/** Five characters: a CPT code (`90837`) or a HCPCS code (`H0031`). */
export const PROCEDURE_PATTERN = /^[0-9A-Z]\d{3}[0-9A-Z]$/;
export const MODIFIER_PATTERN = /^[0-9A-Z]{2}$/;
/** $100,000.00: far above any behavioural-health fee, low enough to catch a misplaced decimal. */
export const MAX_FEE_CENTS = 10_000_000;

export class PracticeRefQuery {
  @IsUUID()
  practiceId: string;
}

export class FeeScheduleEntryInput {
  @IsString()
  @Matches(PROCEDURE_PATTERN, { message: 'procedure must be a CPT or HCPCS code of 5 characters' })
  procedure: string;

  @IsArray()
  @ArrayMaxSize(MAX_MODIFIERS, { message: `modifiers must be at most ${MAX_MODIFIERS}` })
  @Matches(MODIFIER_PATTERN, { each: true, message: 'each modifier must be 2 letters or digits' })
  modifiers: string[];

  @IsInt({ message: 'feeCents must be a whole number of cents' })
  @Min(0)
  @Max(MAX_FEE_CENTS)
  feeCents: number;
}

/** PUT body: the whole schedule, and the version read (0 when none was saved yet; 409 when stale). */
export class PutFeeScheduleBody {
  @IsInt()
  @Min(0)
  version: number;

  @IsArray()
  @ArrayMaxSize(MAX_FEE_SCHEDULE_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => FeeScheduleEntryInput)
  entries: FeeScheduleEntryInput[];
}

export class PutFeeScheduleCommand extends PutFeeScheduleBody {
  @IsUUID()
  practiceId: string;
}
