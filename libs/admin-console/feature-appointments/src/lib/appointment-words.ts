import type { Attendance } from '@claimline/contracts/claims/plain';
import type { BillingType } from '@claimline/domain';

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  no_show: 'No-show',
  late_cancel: 'Late cancel',
};

export const BILLING_TYPE_WORDS: Record<BillingType, string> = {
  insurance: 'Insurance',
  self_pay: 'Self-pay',
};

/** The places of service the form offers: the office, and the two telehealth codes. */
export const PLACE_OF_SERVICE_OPTIONS = [
  { code: '11', label: '11 · Office' },
  { code: '02', label: '02 · Telehealth, not in the client’s home' },
  { code: '10', label: '10 · Telehealth in the client’s home' },
] as const;

export function isTelehealth(placeOfService: string): boolean {
  return placeOfService === '02' || placeOfService === '10';
}

/** 16000 → "$160.00". */
export function money(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "160", "160.5", "$1,160.00" → cents; null for anything else (blank included). */
export function dollarsToCents(text: string | null | undefined): number | null {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec((text ?? '').trim());
  if (!m) return null;
  return Number(m[1].replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 16000 → "160.00" (what a fee input holds). */
export function centsToDollars(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : (cents / 100).toFixed(2);
}

/** "95 ho" or "95, HO" → ["95", "HO"]. */
export function codesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** The fee schedule's key: procedure and modifiers in any order. */
export function feeKey(procedure: string, modifiers: readonly string[]): string {
  return `${procedure.trim().toUpperCase()}|${[...modifiers]
    .map((m) => m.toUpperCase())
    .sort()
    .join(' ')}`;
}
