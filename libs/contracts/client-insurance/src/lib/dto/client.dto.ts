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
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AddressDto, PageQueryDto } from '@claimline/contracts/common';
import { BILLING_TYPES, CLAIM_SEXES, type BillingType, type ClaimSex } from '@claimline/domain';
import { IsCalendarDate, IsUsPhone } from '../validators';

const SEX_MESSAGE = 'sex must be F (female), M (male) or U (unknown), as the claim carries it';
const BILLING_TYPE_MESSAGE = 'billingType must be insurance or self_pay';

/** A client of a practice. Names are as printed on the member ID card. */
export class CreateClientBody {
  @IsString()
  @Length(1, 60, { message: 'firstName must be 1 to 60 characters, as on the insurance card' })
  firstName: string;

  @IsString()
  @Length(1, 60, { message: 'lastName must be 1 to 60 characters, as on the insurance card' })
  lastName: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  preferredName?: string;

  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  /** Sex as a claim carries it (DMG03); gender identity is kept apart and never sent on claims. */
  @IsOptional()
  @IsIn(CLAIM_SEXES, { message: SEX_MESSAGE })
  sex?: ClaimSex;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  genderIdentity?: string;

  @IsOptional()
  @IsUsPhone()
  phone?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @IsOptional()
  @IsIn(BILLING_TYPES, { message: BILLING_TYPE_MESSAGE })
  billingType?: BillingType;
}

export class CreateClientCommand extends CreateClientBody {
  @IsUUID()
  practiceId: string;
}

/** PATCH body: the fields to change (null clears an optional one) plus the version the editor saw. */
export class UpdateClientBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 60, { message: 'firstName must be 1 to 60 characters, as on the insurance card' })
  firstName?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60, { message: 'lastName must be 1 to 60 characters, as on the insurance card' })
  lastName?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(60)
  preferredName?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  birthDate?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(CLAIM_SEXES, { message: SEX_MESSAGE })
  sex?: ClaimSex | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(60)
  genderIdentity?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUsPhone()
  phone?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(BILLING_TYPES, { message: BILLING_TYPE_MESSAGE })
  billingType?: BillingType | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateClientCommand extends UpdateClientBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  clientId: string;
}

export class ClientRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  clientId: string;
}

/** Search by the start of the first or last name (case-insensitive; "ada lov" matches first + last) and/or birth date. */
export class ListClientsQuery extends PageQueryDto {
  @IsUUID()
  practiceId: string;

  @IsOptional()
  @IsString()
  @Length(1, 120)
  search?: string;

  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export interface ClientView {
  id: string;
  practiceId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  birthDate: string | null;
  sex: ClaimSex | null;
  genderIdentity: string | null;
  /** 10 digits. */
  phone: string | null;
  email: string | null;
  address: AddressDto | null;
  billingType: BillingType | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
