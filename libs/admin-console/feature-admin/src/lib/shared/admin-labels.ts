import type { Role } from '@claimline/contracts/common';
import type { AuditAction } from '@claimline/contracts/gateway';
import { type ChipTone, formatDate } from '@claimline/admin-console/ui-common';

// A Record over Role: a role added on the server without words here fails the type check (ROLES
// itself is not imported: the common contracts' index would bring class-validator into the bundle).
const ROLE_WORDS: Record<Role, { label: string; hint: string }> = {
  admin: { label: 'Administrator', hint: 'Every practice, plus users, the audit log and e-mails' },
  billing_staff: { label: 'Billing team', hint: 'The practices assigned to them' },
  practice_owner: { label: 'Practice owner', hint: 'Their own practice' },
  clinician: { label: 'Clinician', hint: 'Their own practice' },
};

export const ROLE_OPTIONS: { value: Role; label: string; hint: string }[] = (
  Object.keys(ROLE_WORDS) as Role[]
).map((value) => ({
  value,
  ...ROLE_WORDS[value],
}));

export function roleLabel(role: string | null | undefined): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role ?? '—';
}

const ACTION_LABELS: Record<AuditAction, string> = {
  list: 'Listed',
  read: 'Read',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action as AuditAction] ?? action;
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

/** A timestamp in the user's time zone and locale (ui-common's `formatDate`), or a dash. */
export function when(iso: string | null | undefined): string {
  return iso ? formatDate(iso, 'datetime') : '—';
}

export function shortDay(iso: string): string {
  return formatDate(iso, 'day');
}

export function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatDate(d, 'time');
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
