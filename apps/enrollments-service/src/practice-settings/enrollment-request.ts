import type { Principal } from '@claimline/contracts/common';
import type {
  EnrollmentRequestData,
  EnrollmentType,
  MissingEnrollmentField,
} from '@claimline/contracts/enrollments';
import type {
  BillingProfileView,
  PracticeView,
  TeamMemberView,
} from '@claimline/contracts/practice-settings';

/** What practice settings told us at +Enroll time; `billingProfile` null when it could not be read. */
export interface PracticeFacts {
  practice: Pick<PracticeView, 'id' | 'name' | 'legalName' | 'phone' | 'email' | 'address'> & {
    legalName?: string | null;
  };
  billingProfile: Pick<
    BillingProfileView,
    'billAs' | 'organizationNpi' | 'taxId' | 'taxonomyCode' | 'billingAddress'
  > | null;
  /** The practice's owner (a solo practice billing as an individual enrolls with the owner's NPI). */
  owner: Pick<TeamMemberView, 'id' | 'firstName' | 'lastName' | 'npi' | 'email'> | null;
  notes: string[];
}

export interface PayerFacts {
  payerId: string;
  payerName: string;
  clearinghousePayerId: string | null;
}

export interface BuiltRequest {
  request: EnrollmentRequestData;
  missing: MissingEnrollmentField[];
}

/**
 * Builds the enrollment request from practice settings and lists what is missing. The payer
 * matches it against what it has on file, so nothing is guessed: a field practice settings does
 * not have is reported missing, never filled from elsewhere (the display name is not the legal name).
 */
export function buildEnrollmentRequest(
  facts: PracticeFacts,
  payer: PayerFacts,
  type: EnrollmentType,
): BuiltRequest {
  const { practice, billingProfile: bp, owner } = facts;
  const missing: MissingEnrollmentField[] = [];
  const legalName = practice.legalName?.trim() || null;
  if (!legalName)
    missing.push({ field: 'practice.legalName', label: 'Legal name (as registered with the IRS)' });

  const billAs = bp?.billAs ?? 'organization';
  const billingNpi = billAs === 'individual' ? (owner?.npi ?? null) : (bp?.organizationNpi ?? null);
  if (!billingNpi) {
    missing.push(
      billAs === 'individual'
        ? {
            field: owner ? `teamMembers.${owner.id}.npi` : 'teamMembers.owner.npi',
            label: 'Billing NPI (the owner’s personal NPI)',
          }
        : { field: 'billingProfile.organizationNpi', label: 'Billing NPI (the organization NPI)' },
    );
  }

  let taxId: EnrollmentRequestData['taxId'] = null;
  if (!bp?.taxId) missing.push({ field: 'billingProfile.taxId', label: 'Tax ID (EIN or SSN)' });
  else if (bp.taxId.masked || bp.taxId.display.includes('*')) {
    missing.push({
      field: 'billingProfile.taxId',
      label: 'Tax ID (the SSN on file could not be read whole)',
    });
  } else taxId = { kind: bp.taxId.kind, value: bp.taxId.display };

  const taxonomyCode = bp?.taxonomyCode ?? null;
  if (!taxonomyCode) missing.push({ field: 'billingProfile.taxonomyCode', label: 'Taxonomy code' });
  const billingAddress = bp?.billingAddress ?? null;
  if (!billingAddress) missing.push({ field: 'billingProfile.billingAddress', label: 'Billing address' });

  const contactName = owner ? `${owner.firstName} ${owner.lastName}` : null;
  return {
    missing,
    request: {
      payerId: payer.payerId,
      payerName: payer.payerName,
      clearinghousePayerId: payer.clearinghousePayerId,
      type,
      legalName,
      billingNpi,
      taxId,
      taxonomyCode,
      billingAddress,
      contact: {
        name: contactName,
        phone: practice.phone ?? null,
        email: practice.email ?? owner?.email ?? null,
      },
    },
  };
}

/** Digits of a Tax ID, the form the blind index is computed on. */
export function taxIdDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** An SSN is shown whole only to admins and billing staff; an EIN (a business's public number) to everyone. */
export function taxIdForViewer(
  taxId: EnrollmentRequestData['taxId'],
  viewer: Principal,
): EnrollmentRequestData['taxId'] {
  if (
    !taxId ||
    taxId.kind === 'ein' ||
    (viewer.kind === 'user' && (viewer.role === 'admin' || viewer.role === 'billing_staff'))
  )
    return taxId;
  return { kind: 'ssn', value: maskSsn(taxId.value) };
}

export function maskSsn(value: string): string {
  return `***-**-${taxIdDigits(value).slice(-4)}`;
}

/** How the tax ID is stored in clear beside an enrollment: an EIN whole, an SSN masked. */
export function taxIdDisplay(taxId: NonNullable<EnrollmentRequestData['taxId']>): string {
  return taxId.kind === 'ein' ? taxId.value : maskSsn(taxId.value);
}
