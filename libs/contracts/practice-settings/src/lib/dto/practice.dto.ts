import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { AddressDto, PageQueryDto } from '@claimline/contracts/common';

export const PRACTICE_TYPES = ['solo', 'group'] as const;
export type PracticeType = (typeof PRACTICE_TYPES)[number];

export const PHONE_PATTERN = /^\+?1?[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}$/;
const PHONE_MESSAGE = 'phone must be a US phone number, e.g. (555) 123-4567';

export class CreatePracticeDto {
  @IsIn(PRACTICE_TYPES, { message: 'type must be solo or group' })
  type: PracticeType;

  @IsString()
  @Length(1, 120)
  name: string;

  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
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
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

export class UpdatePracticeCommand extends UpdatePracticeBody {
  @IsUUID()
  practiceId: string;
}

export class PracticeRefDto {
  @IsUUID()
  practiceId: string;
}

export class ListPracticesQuery extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  search?: string;

  @IsOptional()
  @IsIn(PRACTICE_TYPES, { message: 'type must be solo or group' })
  type?: PracticeType;
}

export interface PracticeView {
  id: string;
  type: PracticeType;
  name: string;
  phone: string;
  email: string | null;
  address: AddressDto;
  version: number;
  createdAt: string;
  updatedAt: string;
}
