import { Type } from 'class-transformer';
import {
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
import { AddressDto } from '@claimline/contracts/common';
import {
  CLAIM_SEXES,
  INSURANCE_ORDERS,
  RELATIONSHIPS_TO_INSURED,
  type ClaimSex,
  type InsuranceOrder,
  type RelationshipToInsured,
} from '@claimline/domain';
import { IsCalendarDate, IsMemberId } from '../validators';
import type { Warning } from './common.dto';

const ORDER_MESSAGE = 'order must be primary, secondary or tertiary';
const RELATIONSHIP_MESSAGE =
  'relationship must be self, spouse, child or other (the client’s relationship to the primary insured)';

/** The primary insured (policy holder) when it is not the client. Every field is required. */
export class SubscriberDto {
  @IsString()
  @Length(1, 60, { message: 'subscriber.firstName must be 1 to 60 characters, as on the insurance card' })
  firstName: string;

  @IsString()
  @Length(1, 60, { message: 'subscriber.lastName must be 1 to 60 characters, as on the insurance card' })
  lastName: string;

  @IsCalendarDate()
  birthDate: string;

  @IsIn(CLAIM_SEXES, { message: 'subscriber.sex must be F (female), M (male) or U (unknown)' })
  sex: ClaimSex;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

export class CreatePolicyBody {
  @IsIn(INSURANCE_ORDERS, { message: ORDER_MESSAGE })
  order: InsuranceOrder;

  @IsUUID('all', { message: 'payerId must be the id of a payer from the payer directory' })
  payerId: string;

  /** As on the card; spaces and dashes are removed and letters upper-cased before it is stored. */
  @IsMemberId()
  memberId: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  groupNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  planName?: string;

  @IsOptional()
  @IsCalendarDate()
  coverageStart?: string;

  @IsOptional()
  @IsCalendarDate()
  coverageEnd?: string;

  @IsIn(RELATIONSHIPS_TO_INSURED, { message: RELATIONSHIP_MESSAGE })
  relationship: RelationshipToInsured;

  /** Required when relationship is not self; refused when it is self. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SubscriberDto)
  subscriber?: SubscriberDto;
}

export class CreatePolicyCommand extends CreatePolicyBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  clientId: string;
}

export class UpdatePolicyBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(INSURANCE_ORDERS, { message: ORDER_MESSAGE })
  order?: InsuranceOrder;

  @IsOptional()
  @IsUUID('all', { message: 'payerId must be the id of a payer from the payer directory' })
  payerId?: string;

  @IsOptional()
  @IsMemberId()
  memberId?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(50)
  groupNumber?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  planName?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  coverageStart?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  coverageEnd?: string | null;

  @IsOptional()
  @IsIn(RELATIONSHIPS_TO_INSURED, { message: RELATIONSHIP_MESSAGE })
  relationship?: RelationshipToInsured;

  /** Changing relationship to self clears the stored subscriber. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => SubscriberDto)
  subscriber?: SubscriberDto | null;
}

export class UpdatePolicyCommand extends UpdatePolicyBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  policyId: string;
}

export class PolicyRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  policyId: string;
}

export class ListPoliciesQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  clientId: string;
}

/** Exact look-up by member ID (normalised first), through the blind index: the stored value is encrypted. */
export class FindPoliciesByMemberIdQuery {
  @IsUUID()
  practiceId: string;

  @IsMemberId()
  memberId: string;
}

export interface SubscriberView {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: ClaimSex;
  address: AddressDto;
}

export interface PolicyPayerView {
  id: string;
  name: string;
  /** The payer ID our clearinghouse uses. */
  payerId: string;
  isBcbs: boolean;
}

export interface PolicyView {
  id: string;
  practiceId: string;
  clientId: string;
  order: InsuranceOrder;
  payer: PolicyPayerView;
  /**
   * Normalised: no spaces or dashes, upper case. Decrypted for this answer only. Whole for admins,
   * billing staff and practice owners; `****` and the last four for clinicians (`memberIdMasked`).
   * A mask sent back in an update is refused (`*` is not a member ID character), never stored.
   */
  memberId: string;
  /** True when `memberId` is the mask, not the member ID (docs/adr/0015-phi-minimisation.md). */
  memberIdMasked: boolean;
  groupNumber: string | null;
  planName: string | null;
  coverageStart: string | null;
  coverageEnd: string | null;
  relationship: RelationshipToInsured;
  /** X12 individual relationship code (18 self, 01 spouse, 19 child, G8 other). */
  relationshipCode: string;
  subscriber: SubscriberView | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** E.g. `bcbs_not_local` when a Blue Cross Blue Shield plan other than the practice's local one is chosen. */
  warnings: Warning[];
  /** The insurance card images on file (documents-service ids), from the documents events. */
  cards: PolicyCardsView;
}

/**
 * Document ids of the policy's card images: the latest not-deleted upload of each side, linked to
 * the policy (`linkedType: 'policy'`, kind `insurance_card_front` / `insurance_card_back`). A side
 * with none is absent. Fetch the image with `GET /practices/{practiceId}/documents/{id}/content`.
 */
export interface PolicyCardsView {
  front?: string;
  back?: string;
}

/**
 * A policy as events carry it: ids and the order — no member ID (not even its last digits), group
 * number, plan or subscriber (names, birth date, address). A consumer that needs more asks
 * `client-insurance.policy.get` over RPC (docs/adr/0015-phi-minimisation.md).
 */
export interface PolicyEventView {
  id: string;
  practiceId: string;
  clientId: string;
  order: InsuranceOrder;
  payerId: string;
  version: number;
  updatedAt: string;
}
