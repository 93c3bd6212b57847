import { plural } from '@claimline/admin-console/ui-common';
import type { ClientView, PolicyView } from '@claimline/contracts/client-insurance';
import type { BillingType, ClaimSex, InsuranceOrder, RelationshipToInsured } from '@claimline/domain';

export const SEX_OPTIONS: { value: ClaimSex; label: string }[] = [
  { value: 'F', label: 'Female' },
  { value: 'M', label: 'Male' },
  { value: 'U', label: 'Unknown' },
];
export const SEX_LABELS: Record<ClaimSex, string> = { F: 'Female', M: 'Male', U: 'Unknown' };

export const BILLING_TYPE_LABELS: Record<BillingType, string> = {
  insurance: 'Insurance',
  self_pay: 'Self-pay',
};

export const ORDER_LABELS: Record<InsuranceOrder, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
};

export const RELATIONSHIP_OPTIONS: { value: RelationshipToInsured; label: string }[] = [
  { value: 'self', label: 'Self (the client is the insured)' },
  { value: 'spouse', label: 'Spouse of the insured' },
  { value: 'child', label: 'Child of the insured' },
  { value: 'other', label: 'Other dependant of the insured' },
];
export const RELATIONSHIP_LABELS: Record<RelationshipToInsured, string> = {
  self: 'Self',
  spouse: 'Spouse',
  child: 'Child',
  other: 'Other dependant',
};

export function fullName(c: Pick<ClientView, 'firstName' | 'lastName' | 'preferredName'>): string {
  const preferred = c.preferredName && c.preferredName !== c.firstName ? ` (“${c.preferredName}”)` : '';
  return `${c.firstName} ${c.lastName}${preferred}`;
}

/** (512) 555-0101 from the stored 10 digits. */
export function formatPhone(digits: string | null): string {
  if (!digits) return '';
  const d = digits.replace(/\D/g, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : digits;
}

export function policyTitle(p: Pick<PolicyView, 'order' | 'payer'>): string {
  return `${ORDER_LABELS[p.order]} insurance — ${p.payer.name}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return plural(n, 'byte');
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The badge of an authorization says whether claims can use it today — not only its switch: an
 * active one past its end date is "Expired", one whose visits are all used is "Used up", one that
 * starts later is "Not yet valid" (the API's warnings give the dates and what to do).
 */
export function authorizationBadge(a: { active: boolean; warnings: readonly { code: string }[] }): {
  label: string;
  tone: 'success' | 'neutral' | 'warning' | 'danger';
} {
  if (!a.active) return { label: 'Inactive', tone: 'neutral' };
  const has = (code: string) => a.warnings.some((w) => w.code === code);
  if (has('expired')) return { label: 'Expired', tone: 'danger' };
  if (has('exhausted')) return { label: 'Used up', tone: 'danger' };
  if (has('not_yet_valid')) return { label: 'Not yet valid', tone: 'warning' };
  return { label: 'Active', tone: 'success' };
}
