import { Type } from 'class-transformer';
import {
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
import { IsPlaceOfService, IsUsPhone, NotPoBox } from '../validators';

const STREET = 'An office location must be a street address where clients are seen, not a PO box';

/** Where services are performed: a street address (it may be printed in box 32 of a claim). */
export class LocationAddressDto extends AddressDto {
  @NotPoBox(STREET)
  override line1: string;

  @NotPoBox(STREET)
  override line2?: string;
}

export class CreateLocationBody {
  @IsString()
  @Length(1, 60)
  name: string;

  @ValidateNested()
  @Type(() => LocationAddressDto)
  address: LocationAddressDto;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUsPhone()
  phone?: string | null;

  /** Default place of service of appointments here: 11 office, 02 / 10 telehealth, or another CMS code. Default 11. */
  @IsOptional()
  @IsPlaceOfService()
  placeOfService?: string;
}

export class CreateLocationCommand extends CreateLocationBody {
  @IsUUID()
  practiceId: string;
}

export class UpdateLocationBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LocationAddressDto)
  address?: LocationAddressDto;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUsPhone()
  phone?: string | null;

  @IsOptional()
  @IsPlaceOfService()
  placeOfService?: string;
}

export class UpdateLocationCommand extends UpdateLocationBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  locationId: string;
}

export class LocationRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  locationId: string;
}

export class ListLocationsQuery extends PageQueryDto {
  @IsUUID()
  practiceId: string;
}

export interface LocationView {
  id: string;
  practiceId: string;
  name: string;
  address: AddressDto;
  phone: string | null;
  placeOfService: string;
  placeOfServiceName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
