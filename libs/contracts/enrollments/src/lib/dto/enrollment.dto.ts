import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Min, ValidateIf } from 'class-validator';
import { ENROLLMENT_TYPES } from '@claimline/domain';
import { MultiLine, type AddressDto } from '@claimline/contracts/common';
import { ENROLLMENT_ACTIONS, type EnrollmentAction } from '../enrollments.subjects';
import type { EnrollmentStatus, EnrollmentType } from '../enrollments.events';

const TYPE_MESSAGE = 'type must be claim_filing or payment_reports';

export class PracticeEnrollmentsQuery {
  @IsUUID()
  practiceId: string;
}

/** Body of +Enroll: which payer, which enrollment. */
export class EnrollBody {
  @IsUUID()
  payerId: string;

  @IsIn(ENROLLMENT_TYPES, { message: TYPE_MESSAGE })
  type: EnrollmentType;
}

export class EnrollCommand extends EnrollBody {
  @IsUUID()
  practiceId: string;
}

/** `?payerId=&type=` of the preview (what +Enroll would send). */
export class PreviewEnrollmentParams extends EnrollBody {}

export class PreviewEnrollmentQuery extends EnrollCommand {}

export class EnrollmentRefDto {
  @IsUUID()
  enrollmentId: string;
}

/**
 * PATCH body: the action and the version read (409 when someone acted first).
 * `reject` needs `reason`, `require_document` needs `instructions`, `attach_document` needs
 * `documentId` (the id of an uploaded document; the documents service does not exist yet, so any
 * UUID is accepted and kept).
 */
export class ActOnEnrollmentBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsIn(ENROLLMENT_ACTIONS, { message: 'action must be accept, reject, require_document or attach_document' })
  action: EnrollmentAction;

  @ValidateIf((o: ActOnEnrollmentBody) => o.action === 'reject' || o.reason !== undefined)
  @IsString({ message: 'reason is required to reject an enrollment' })
  @Length(1, 2000, { message: 'reason must be 1 to 2000 characters' })
  @MultiLine()
  reason?: string;

  @ValidateIf((o: ActOnEnrollmentBody) => o.action === 'require_document' || o.instructions !== undefined)
  @IsString({ message: 'instructions are required to ask for a document' })
  @Length(1, 2000, { message: 'instructions must be 1 to 2000 characters' })
  @MultiLine()
  instructions?: string;

  @ValidateIf((o: ActOnEnrollmentBody) => o.action === 'attach_document' || o.documentId !== undefined)
  @IsUUID('all', { message: 'documentId must be the id (UUID) of an uploaded document' })
  documentId?: string;
}

export class ActOnEnrollmentCommand extends ActOnEnrollmentBody {
  @IsUUID()
  enrollmentId: string;
}

/** The billing identity a claim is sent from: billing NPI and Tax ID (EIN or SSN, 9 digits, dashes allowed). */
export class IdentityCheckQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  payerId: string;

  @Matches(/^\d{10}$/, { message: 'billingNpi must be 10 digits' })
  billingNpi: string;

  @Matches(/^(\d{9}|\d{2}-\d{7}|\d{3}-\d{2}-\d{4})$/, {
    message: 'taxId must be 9 digits (12-3456789 or 123-45-6789 allowed)',
  })
  taxId: string;
}

/** One row of a practice's enrollments page: a payer × type (× identity once submitted). */
export interface EnrollmentView {
  /** Null for a payer no client uses and no enrollment was ever made for (nothing stored yet). */
  id: string | null;
  practiceId: string;
  payerId: string;
  payerName: string;
  type: EnrollmentType;
  status: EnrollmentStatus;
  statusLabel: string;
  /** Whether +Enroll is offered (status enroll or rejected). */
  canEnroll: boolean;
  /** The identity the enrollment was submitted for; null until it is. */
  billingNpi: string | null;
  /** `12-3456789` for an EIN, `***-**-6789` for an SSN; null until submitted. */
  taxId: string | null;
  clearinghouseReference: string | null;
  /** Rejection reason while rejected. */
  reason: string | null;
  /** What the payer asks for while document_required. */
  instructions: string | null;
  documentId: string | null;
  version: number;
  updatedAt: string | null;
}

export interface EnrollmentHistoryEntry {
  from: EnrollmentStatus | null;
  to: EnrollmentStatus;
  /** `derive` (clients or payer requirements changed), `submit`, `accept`, `reject`, `require_document`, `attach_document`. */
  action: string;
  reason: string | null;
  documentId: string | null;
  changedBy: string | null;
  changedAt: string;
}

/** What +Enroll sends to the clearinghouse, built from practice settings. */
export interface EnrollmentRequestData {
  payerId: string;
  payerName: string;
  /** The payer's ID at the clearinghouse (`default`). */
  clearinghousePayerId: string | null;
  type: EnrollmentType;
  legalName: string | null;
  billingNpi: string | null;
  /** As sent: the whole EIN; an SSN is shown whole only to admins and billing staff. */
  taxId: { kind: 'ein' | 'ssn'; value: string } | null;
  taxonomyCode: string | null;
  billingAddress: AddressDto | null;
  contact: { name: string | null; phone: string | null; email: string | null };
}

export interface MissingEnrollmentField {
  /** Where it is entered, e.g. `billingProfile.taxId`. */
  field: string;
  label: string;
}

export interface EnrollmentPreview {
  practiceId: string;
  /** True when nothing required is missing and the enrollment's status allows +Enroll. */
  ready: boolean;
  /** The current status of this payer × type for the practice's current identity. */
  status: EnrollmentStatus;
  missing: MissingEnrollmentField[];
  /** Gaps of the sources, e.g. "practice settings does not serve the billing profile yet". */
  notes: string[];
  request: EnrollmentRequestData;
}

export interface ClaimFilingCheck {
  /** Claims for this payer from this identity may be sent electronically. */
  allowed: boolean;
  status: EnrollmentStatus;
  enrollmentId: string | null;
  reason: string;
}

export interface EraCheck {
  /** ERAs (payment reports) are expected electronically from this payer for this identity. */
  expected: boolean;
  status: EnrollmentStatus;
  enrollmentId: string | null;
  reason: string;
}
