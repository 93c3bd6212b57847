import type { Role } from '@claimline/contracts/common';
import type { ChipTone } from '@claimline/admin-console/ui-common';

export const ROLE_OPTIONS: { value: Role; label: string; hint: string }[] = [
  { value: 'admin', label: 'Administrator', hint: 'Every practice, plus users, the audit log and e-mails' },
  { value: 'billing_staff', label: 'Billing team', hint: 'The practices assigned to them' },
  { value: 'practice_owner', label: 'Practice owner', hint: 'Their own practice' },
  { value: 'clinician', label: 'Clinician', hint: 'Their own practice' },
];

export function roleLabel(role: string | null | undefined): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role ?? '—';
}

/** Practice owners and clinicians belong to exactly one practice. */
export const tiedToPractice = (role: Role | null | undefined): boolean =>
  role === 'practice_owner' || role === 'clinician';

const ACTION_LABELS: Record<string, string> = {
  list: 'Listed',
  read: 'Read',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function resourceLabel(resource: string): string {
  const words = resource.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An HTTP status in words for the audit log: the outcome of the request. */
export function outcome(status: number): { label: string; tone: ChipTone } {
  if (status >= 200 && status < 300) return { label: `Done · ${status}`, tone: 'success' };
  if (status === 401 || status === 403) return { label: `Refused · ${status}`, tone: 'danger' };
  if (status === 404) return { label: `Not found · ${status}`, tone: 'warning' };
  if (status === 409) return { label: `Conflict · ${status}`, tone: 'warning' };
  if (status === 400 || status === 422) return { label: `Invalid · ${status}`, tone: 'warning' };
  if (status >= 500) return { label: `Failed · ${status}`, tone: 'danger' };
  return { label: String(status), tone: 'neutral' };
}

const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/** A timestamp in the user's time zone, or a dash. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const CLOCK = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' });

export function shortDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DAY.format(d);
}

export function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : CLOCK.format(d);
}

/** The start of a local calendar day (`YYYY-MM-DD`), `days` later, as ISO 8601; null if not a date. */
export function dayStart(day: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The first characters of a long id, for tables; the full id goes in a title or details row. */
export function shortId(id: string | null | undefined): string {
  if (!id) return '—';
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
