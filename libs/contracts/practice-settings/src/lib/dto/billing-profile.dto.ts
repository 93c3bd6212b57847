import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateIf, ValidateNested } from 'class-validator';
import { AddressDto, IsNpi } from '@claimline/contracts/common';
import { BILL_AS, TAX_ID_KINDS, type BillAs, type TaxIdKind } from '@claimline/domain';
import { IsTaxId, IsTaxonomyCode, IsZipPlus4, NotPoBox } from '../validators';
import { upperTrim } from './team-member.dto';

export { BILL_AS, TAX_ID_KINDS, type BillAs, type TaxIdKind };

const NO_PO_BOX =
  'The billing address must be a street address; enter a PO box as the pay-to address instead';

/** Where payers send payments as the billing provider (837P loop 2010AA): a street address with ZIP+4. */
export class BillingAddressDto extends AddressDto {
  @NotPoBox(NO_PO_BOX)
  override line1: string;

  @NotPoBox(NO_PO_BOX)
  override line2?: string;

  @IsZipPlus4()
  override zip: string;
}

/** A Tax ID as typed: `12-3456789` or `123456789` (EIN), `123-45-6789` or `123456789` (SSN). */
export class TaxIdInput {
  @IsIn(TAX_ID_KINDS, { message: 'kind must be ein or ssn' })
  kind: TaxIdKind;

  @IsTaxId('kind')
  value: string;
}

/**
 * The whole billing profile (PUT replaces it), sent with the version read (0 when there is none
 * yet). `taxId` is the exception: left out, the one on file is kept, because a practice owner
 * only ever sees a masked SSN and cannot send it back; `null` removes it.
 */
export class PutBillingProfileBody {
  @IsInt()
  @Min(0)
  version: number;

  @IsIn(BILL_AS, { message: 'billAs must be individual or organization' })
  billAs: BillAs;

  /** Organization (Type 2) NPI. Optional for a solo practice; a group bills with it. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNpi()
  organizationNpi?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => TaxIdInput)
  taxId?: TaxIdInput | null;

  /** Billing provider taxonomy (for a group: the taxonomy of its group NPI). */
  @IsOptional()
  @Transform(upperTrim)
  @ValidateIf((_, v) => v !== null)
  @IsTaxonomyCode()
  taxonomyCode?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => BillingAddressDto)
  billingAddress?: BillingAddressDto | null;

  /** Optional pay-to address (837P loop 2010AB); a PO box is allowed here. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => AddressDto)
  payToAddress?: AddressDto | null;

  /** Service Facility Location (CMS-1500 box 32, 837P loop 2310C) on claims. */
  @IsBoolean()
  serviceFacilityLocation: boolean;
}

export class PutBillingProfileCommand extends PutBillingProfileBody {
  @IsUUID()
  practiceId: string;
}

export interface TaxIdView {
  kind: TaxIdKind;
  /** `12-3456789`, `123-45-6789`, or `***-**-6789` for roles that may not see an SSN whole. */
  display: string;
  masked: boolean;
}

export interface ServiceFacilityView {
  enabled: boolean;
  /** True when the billing address differs from an address where services are performed. */
  required: boolean;
  /** Why it must be on, when it is off but should be on; otherwise null. */
  reason: string | null;
}

export interface BillingProfileView {
  practiceId: string;
  billAs: BillAs;
  organizationNpi: string | null;
  taxId: TaxIdView | null;
  taxonomyCode: string | null;
  taxonomyName: string | null;
  billingAddress: AddressDto | null;
  payToAddress: AddressDto | null;
  serviceFacilityLocation: ServiceFacilityView;
  /** 0 while nothing has been saved. */
  version: number;
  updatedAt: string | null;
}

/**
 * What other services need to bill for a practice, carried by `practice-settings.billing-profile.updated`.
 * No PHI: an SSN's digits never leave the service (only the kind); an EIN, a business's public
 * identifier, is included.
 */
export interface BillingIdentity {
  practiceId: string;
  practiceType: 'solo' | 'group';
  billAs: BillAs;
  organizationNpi: string | null;
  taxId: { kind: TaxIdKind; ein: string | null } | null;
  taxonomyCode: string | null;
  billingAddress: AddressDto | null;
  payToAddress: AddressDto | null;
  serviceFacilityLocation: { enabled: boolean; required: boolean };
  version: number;
}
