import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, US_STATE_PATTERN } from '@claimline/contracts/common';
import { IsPayerIds } from '../validators';

export const PAYER_KINDS = ['commercial', 'behavioral', 'medicare', 'medicaid', 'tricare'] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

const KIND_MESSAGE = 'kind must be commercial, behavioral, medicare, medicaid or tricare';
const STATE_MESSAGE = 'each state must be a two-letter US state or territory code';

/** A payer of the directory shared by every practice. Only admins and billing staff edit it. */
export class CreatePayerCommand {
  @IsString()
  @Length(1, 120)
  name: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  aliases?: string[];

  /** Payer ID per clearinghouse; `default` is the one our clearinghouse uses. */
  @IsPayerIds()
  payerIds: Record<string, string>;

  @IsIn(PAYER_KINDS, { message: KIND_MESSAGE })
  kind: PayerKind;

  /** Where the payer is local (for a BCBS plan, its service area); empty for national payers. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(US_STATE_PATTERN, { each: true, message: STATE_MESSAGE })
  states?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(120)
  region?: string;

  @IsBoolean()
  isBcbs: boolean;

  @IsBoolean()
  claimFilingEnrollmentRequired: boolean;

  @IsBoolean()
  eraSupported: boolean;

  @IsBoolean()
  eraEnrollmentRequired: boolean;

  /** The payer ID was checked against the clearinghouse's published payer list. */
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class UpdatePayerBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  aliases?: string[];

  @IsOptional()
  @IsPayerIds()
  payerIds?: Record<string, string>;

  @IsOptional()
  @IsIn(PAYER_KINDS, { message: KIND_MESSAGE })
  kind?: PayerKind;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(US_STATE_PATTERN, { each: true, message: STATE_MESSAGE })
  states?: string[];

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120)
  region?: string | null;

  @IsOptional()
  @IsBoolean()
  isBcbs?: boolean;

  @IsOptional()
  @IsBoolean()
  claimFilingEnrollmentRequired?: boolean;

  @IsOptional()
  @IsBoolean()
  eraSupported?: boolean;

  @IsOptional()
  @IsBoolean()
  eraEnrollmentRequired?: boolean;

  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class UpdatePayerCommand extends UpdatePayerBody {
  @IsUUID()
  payerId: string;
}

export class PayerRefDto {
  @IsUUID()
  payerId: string;
}

/** Search by name, alias or payer ID (start of a word, case-insensitive); payers local to `state` first. */
export class SearchPayersQuery extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  search?: string;

  @IsOptional()
  @Matches(US_STATE_PATTERN, { message: 'state must be a two-letter US state or territory code' })
  state?: string;
}

export interface PayerView {
  id: string;
  /** Key of the seed entry in @claimline/reference-data, or null for payers added by staff. */
  key: string | null;
  name: string;
  aliases: string[];
  payerIds: Record<string, string>;
  kind: PayerKind;
  states: string[];
  region: string | null;
  isBcbs: boolean;
  claimFilingEnrollmentRequired: boolean;
  eraSupported: boolean;
  eraEnrollmentRequired: boolean;
  verified: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
