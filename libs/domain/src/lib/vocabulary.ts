/** Fixed vocabularies shared by every service and the console: stored values, never labels. */

export const PRACTICE_TYPES = ['solo', 'group'] as const;
export type PracticeType = (typeof PRACTICE_TYPES)[number];

export const TEAM_MEMBER_ROLES = ['owner', 'clinician', 'staff'] as const;
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

/** Whether claims name the clinician (Type 1 NPI) or the organization (Type 2 NPI) as billing provider. */
export const BILL_AS = ['individual', 'organization'] as const;
export type BillAs = (typeof BILL_AS)[number];

export const BILLING_TYPES = ['insurance', 'self_pay'] as const;
export type BillingType = (typeof BILLING_TYPES)[number];

export const ENROLLMENT_TYPES = ['claim_filing', 'payment_reports'] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];

export const ENROLLMENT_STATUSES = [
  'not_required',
  'enroll',
  'no_clients_on_file',
  'submitted',
  'document_required',
  'accepted',
  'rejected',
  'not_supported',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const ENROLLMENT_STATUS_LABELS: Readonly<Record<EnrollmentStatus, string>> = {
  not_required: 'Not required',
  enroll: 'Enroll',
  no_clients_on_file: 'No clients on file',
  submitted: 'Submitted',
  document_required: 'Document required',
  accepted: 'Accepted',
  rejected: 'Rejected',
  not_supported: 'Payment reports not supported',
};

/**
 * In the order a claim normally moves through them; see DOMAIN.md "Claim statuses". `void` is the
 * end state of voiding (`claim-status.ts` says from where).
 */
export const CLAIM_STATUSES = [
  'prepared',
  'downloaded',
  'scrub',
  'submitted',
  'received',
  'rejected',
  'accepted',
  'paid',
  'denied',
  'deductible',
  'void',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  prepared: 'Prepared',
  downloaded: 'Downloaded',
  scrub: 'Scrub',
  submitted: 'Submitted',
  received: 'Received',
  rejected: 'Rejected',
  accepted: 'Accepted',
  paid: 'Paid',
  denied: 'Denied',
  deductible: 'Deductible',
  void: 'Void',
};

export const INSURANCE_ORDERS = ['primary', 'secondary', 'tertiary'] as const;
export type InsuranceOrder = (typeof INSURANCE_ORDERS)[number];

/** X12 payer responsibility sequence (SBR01). */
export const INSURANCE_ORDER_X12: Readonly<Record<InsuranceOrder, 'P' | 'S' | 'T'>> = {
  primary: 'P',
  secondary: 'S',
  tertiary: 'T',
};

export const RELATIONSHIPS_TO_INSURED = ['self', 'spouse', 'child', 'other'] as const;
export type RelationshipToInsured = (typeof RELATIONSHIPS_TO_INSURED)[number];

/** X12 individual relationship codes: SBR02 = 18 when the client is the subscriber, else PAT01. */
export const RELATIONSHIP_X12_CODES: Readonly<Record<RelationshipToInsured, '18' | '01' | '19' | 'G8'>> = {
  self: '18',
  spouse: '01',
  child: '19',
  other: 'G8',
};

/** Sex as a claim carries it (DMG03): female, male, unknown. */
export const CLAIM_SEXES = ['F', 'M', 'U'] as const;
export type ClaimSex = (typeof CLAIM_SEXES)[number];

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
/** Two-digit CMS place-of-service code; names and validity live in `@claimline/reference-data`. */
export type PlaceOfServiceCode = `${Digit}${Digit}`;

export function isPlaceOfServiceCodeFormat(value: string): value is PlaceOfServiceCode {
  return /^\d{2}$/.test(value) && value !== '00';
}

/** Defaults a practice location may take (DOMAIN.md: 11 office, 02/10 telehealth). */
export const COMMON_PLACES_OF_SERVICE = {
  telehealthOtherThanHome: '02',
  telehealthInHome: '10',
  office: '11',
} as const satisfies Record<string, PlaceOfServiceCode>;

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
