import type { Principal } from '@claimline/contracts/common';
import type {
  BillingIdentity,
  BillingProfileView,
  PracticeType,
  TaxIdView,
} from '@claimline/contracts/practice-settings';
import { formatTaxId, maskTaxId } from '@claimline/domain';
import { findTaxonomy } from '@claimline/reference-data';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { optionalAddressFromColumns } from '@claimline/backend/util-persistence';
import { BillingProfileEntity } from './entities/billing-profile.entity';

/** Roles that work with the SSN itself (claims, enrollments); others see the last four digits. */
const SEES_WHOLE_SSN: ReadonlySet<string> = new Set(['admin', 'billing_staff']);

export function taxIdView(p: BillingProfileEntity, actor: Principal, cipher: PhiCipher): TaxIdView | null {
  if (p.taxIdKind === 'ein' && p.taxIdEin)
    return { kind: 'ein', display: formatTaxId('ein', p.taxIdEin), masked: false };
  if (p.taxIdKind === 'ssn' && p.taxIdSsnCipher) {
    const digits = cipher.decrypt(p.taxIdSsnCipher, p.practiceId);
    // A service reaches the billing profile only where its handler names it (enrollments: the payer needs the whole SSN).
    const whole = actor.kind === 'service' || SEES_WHOLE_SSN.has(actor.role);
    return {
      kind: 'ssn',
      display: whole ? formatTaxId('ssn', digits) : maskTaxId({ kind: 'ssn', digits }),
      masked: !whole,
    };
  }
  return null;
}

export function emptyProfileView(practiceId: string): BillingProfileView {
  return {
    practiceId,
    billAs: 'individual',
    organizationNpi: null,
    taxId: null,
    taxonomyCode: null,
    taxonomyName: null,
    billingAddress: null,
    payToAddress: null,
    serviceFacilityLocation: { enabled: false, required: false, reason: null },
    version: 0,
    updatedAt: null,
  };
}

export function toBillingProfileView(
  p: BillingProfileEntity,
  taxId: TaxIdView | null,
  facility: { required: boolean; reason: string | null },
): BillingProfileView {
  return {
    practiceId: p.practiceId,
    billAs: p.billAs,
    organizationNpi: p.organizationNpi,
    taxId,
    taxonomyCode: p.taxonomyCode,
    taxonomyName: p.taxonomyCode ? (findTaxonomy(p.taxonomyCode)?.displayName ?? null) : null,
    billingAddress: optionalAddressFromColumns(p.billingAddress),
    payToAddress: optionalAddressFromColumns(p.payToAddress),
    serviceFacilityLocation: { enabled: p.serviceFacilityLocation, ...facility },
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** What events carry: no SSN digits, ever. */
export function toBillingIdentity(
  p: BillingProfileEntity,
  practiceType: PracticeType,
  facilityRequired: boolean,
): BillingIdentity {
  return {
    practiceId: p.practiceId,
    practiceType,
    billAs: p.billAs,
    organizationNpi: p.organizationNpi,
    taxId: p.taxIdKind ? { kind: p.taxIdKind, ein: p.taxIdKind === 'ein' ? p.taxIdEin : null } : null,
    taxonomyCode: p.taxonomyCode,
    billingAddress: optionalAddressFromColumns(p.billingAddress),
    payToAddress: optionalAddressFromColumns(p.payToAddress),
    serviceFacilityLocation: { enabled: p.serviceFacilityLocation, required: facilityRequired },
    version: p.version,
  };
}
