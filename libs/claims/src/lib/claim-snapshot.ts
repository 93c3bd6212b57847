import type {
  BillAs,
  Cents,
  ClaimSex,
  EnrollmentStatus,
  InsuranceOrder,
  RelationshipToInsured,
  TaxIdKind,
} from '@claimline/domain';

/**
 * What a claim copies when it is created (DOMAIN.md "Appointments and claims"). Later edits to the
 * client, policy, practice or team member do not change a claim already made: the claim must say
 * what was billed. Dates are ISO `YYYY-MM-DD`; money is integer cents.
 */

export interface SnapshotAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly state: string;
  /** 5 or 9 digits, with or without the dash. */
  readonly postalCode: string;
}

/** Where a snapshot value came from, so a finding can send the biller to the form that fixes it. */
export interface SnapshotSources {
  readonly practiceId: string;
  readonly clientId: string;
  readonly policyId: string;
  /** The team member billing as an individual (Type 1 NPI), when the billing profile says so. */
  readonly billingTeamMemberId?: string;
  readonly renderingTeamMemberId: string;
  readonly locationId?: string;
}

export interface BillingProviderSnapshot {
  /** From the billing profile: the clinician (Type 1 NPI) or the organization (Type 2 NPI). */
  readonly billAs: BillAs;
  /** Organization name, or the clinician's last name. */
  readonly name: string;
  readonly firstName?: string;
  readonly middleName?: string;
  readonly npi: string;
  readonly taxId: { readonly kind: TaxIdKind; readonly value: string };
  readonly taxonomy?: string;
  /** A street address (no PO box), ZIP+4. */
  readonly address: SnapshotAddress;
  /** 10 digits; printed in box 33. */
  readonly phone?: string;
}

export interface RenderingProviderSnapshot {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly credential?: string;
  readonly npi: string;
  readonly taxonomy?: string;
}

/** Only when the practice's billing profile turns the service facility on (box 32, loop 2310C). */
export interface ServiceFacilitySnapshot {
  readonly name: string;
  readonly npi?: string;
  readonly address: SnapshotAddress;
}

export interface SubscriberSnapshot {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly suffix?: string;
  readonly memberId: string;
  readonly groupNumber?: string;
  readonly groupName?: string;
  readonly birthDate?: string;
  readonly sex?: ClaimSex;
  readonly address?: SnapshotAddress;
  readonly phone?: string;
}

export interface PatientSnapshot {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly suffix?: string;
  readonly birthDate: string;
  readonly sex: ClaimSex;
  readonly address: SnapshotAddress;
  readonly phone?: string;
  /** The client's relationship to the subscriber; `self` means the client is the subscriber. */
  readonly relationshipToSubscriber: RelationshipToInsured;
}

export interface PayerSnapshot {
  readonly name: string;
  /** Electronic payer id (837P NM109 qualifier PI). */
  readonly payerId: string;
  readonly address?: SnapshotAddress;
  /** SBR09: CI commercial, MB Medicare Part B, MC Medicaid, BL Blue Cross, HM HMO, CH TRICARE… */
  readonly claimFilingIndicator: string;
  readonly order: InsuranceOrder;
  readonly planName?: string;
}

export interface AuthorizationSnapshot {
  readonly number: string;
  readonly validFrom?: string;
  readonly validThrough?: string;
  readonly visitsAuthorized?: number;
}

export interface ClaimLineSnapshot {
  readonly appointmentId: string;
  readonly serviceDate: string;
  /** CPT or HCPCS, five characters. */
  readonly procedure: string;
  /** At most 4. */
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly chargeCents: Cents;
  readonly placeOfService: string;
  /** 1-based indexes into the claim's diagnoses, at most 4, the first is the line's main one. */
  readonly diagnosisPointers: readonly number[];
  /** REF*6R, see `lineControlNumber`. */
  readonly lineControlNumber: string;
  /** Face-to-face minutes of the appointment, when known (time-based codes are checked against it). */
  readonly minutes?: number;
}

export interface ClaimSnapshot {
  readonly claimId: string;
  /** CLM01, box 26; see `patientControlNumber`. */
  readonly patientControlNumber: string;
  readonly sources: SnapshotSources;
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  readonly frequencyCode: '1' | '7' | '8';
  /** The payer's claim number of the claim replaced or voided (REF*F8, box 22). */
  readonly originalClaimNumber?: string;
  readonly billingProvider: BillingProviderSnapshot;
  readonly renderingProvider: RenderingProviderSnapshot;
  readonly serviceFacility?: ServiceFacilitySnapshot;
  readonly subscriber: SubscriberSnapshot;
  readonly patient: PatientSnapshot;
  readonly payer: PayerSnapshot;
  /** ICD-10-CM codes in claim order (A–L), at most 12; the first is the principal diagnosis. */
  readonly diagnoses: readonly string[];
  /** At most 50 (the 837P's limit); the CMS-1500 prints 6 per page. */
  readonly lines: readonly ClaimLineSnapshot[];
  readonly authorization?: AuthorizationSnapshot;
  /** Boxes 12 and 13: the client's signatures are on file with the practice. */
  readonly signatureOnFile: boolean;
  /** Box 27 and CLM07: the provider accepts the payer's assignment. */
  readonly acceptAssignment: boolean;
}

/** What scrubbing needs beyond the snapshot; the service gathers it. */
export interface ScrubContext {
  /** Today, ISO date, in the practice's time zone. */
  readonly today: string;
  /** Days after the date of service the payer accepts a first claim; undefined when unknown. */
  readonly timelyFilingDays?: number;
  /** Other claims of the same client, for duplicate detection (void claims may be left out or are ignored). */
  readonly existingClaims?: readonly ExistingClaim[];
  /** The practice's claim-filing enrollment with this payer (electronic submission only). */
  readonly claimFilingEnrollment?: EnrollmentStatus;
  /** Whether the payer wants prior authorization for these services. */
  readonly authorizationRequired?: boolean;
  /** Visits already used on the authorization by other claims. */
  readonly authorizationVisitsUsed?: number;
  /** Electronic submission (837P) or paper (CMS-1500): enrollment matters only for the first. */
  readonly submission: 'electronic' | 'paper';
}

export interface ExistingClaim {
  readonly claimId: string;
  readonly patientControlNumber: string;
  readonly status: string;
  readonly lines: readonly { readonly serviceDate: string; readonly procedure: string }[];
}
