import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AddressDto, PageQueryDto } from '@claimline/contracts/common';
import { PRACTICE_TYPES, type PracticeType } from '@claimline/domain';
import { IsUsPhone } from '../validators';

export { PRACTICE_TYPES, type PracticeType };

export class CreatePracticeDto {
  @IsIn(PRACTICE_TYPES, { message: 'type must be solo or group' })
  type: PracticeType;

  /** Display name, as clients and the billing team know the practice. */
  @IsString()
  @Length(1, 120)
  name: string;

  /** Legal name as registered with the IRS (and on the NPI record); claims and enrollments use it. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 120, { message: 'legalName must be 1 to 120 characters' })
  legalName?: string | null;

  @IsUsPhone()
  phone: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  /** Practice-level Secure Messaging switch; each team member has their own as well. */
  @IsOptional()
  @IsBoolean()
  secureMessagingEnabled?: boolean;
}

/** PATCH body: the fields to change plus the version the editor saw (optimistic concurrency). */
export class UpdatePracticeBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(PRACTICE_TYPES, { message: 'type must be solo or group' })
  type?: PracticeType;

  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 120, { message: 'legalName must be 1 to 120 characters' })
  legalName?: string | null;

  @IsOptional()
  @IsUsPhone()
  phone?: string;

  /** `null` clears the e-mail. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @IsOptional()
  @IsBoolean()
  secureMessagingEnabled?: boolean;
}

export class UpdatePracticeCommand extends UpdatePracticeBody {
  @IsUUID()
  practiceId: string;
}

export class PracticeRefDto {
  @IsUUID()
  practiceId: string;
}

export const READINESS_FILTERS = ['complete', 'incomplete'] as const;
export type ReadinessFilter = (typeof READINESS_FILTERS)[number];

export class ListPracticesQuery extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  search?: string;

  @IsOptional()
  @IsIn(PRACTICE_TYPES, { message: 'type must be solo or group' })
  type?: PracticeType;

  /** Practices whose own checklist (practice settings' items) is complete, or not yet. */
  @IsOptional()
  @IsIn(READINESS_FILTERS, { message: 'readiness must be complete or incomplete' })
  readiness?: ReadinessFilter;
}

export interface PracticeView {
  id: string;
  type: PracticeType;
  /** Display name. */
  name: string;
  legalName: string | null;
  phone: string;
  email: string | null;
  address: AddressDto;
  secureMessagingEnabled: boolean;
  /** Whether practice settings' own readiness items are all done (items of other services excluded). */
  settingsComplete: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
