import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from '@claimline/contracts/gateway';
import { dayStart } from '../shared/admin-labels';

// The audit log's filters live in the URL (shareable, the back button works): these turn the query
// parameters into what the form shows and what the API is asked, and the form back into parameters.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as the form shows them: ids, and calendar days (`YYYY-MM-DD`). */
export interface AuditFormFilters {
  userId: string;
  practiceId: string;
  resourceType: string;
  action: AuditAction | '';
  resourceId: string;
  from: string;
  to: string;
}

export interface AuditQuery {
  form: AuditFormFilters;
  /** What GET /audit-events is asked: `from` is the start of its day, `to` the start of the next. */
  filters: AuditFilters;
  filtered: boolean;
}

/** Reads the URL's query parameters; anything malformed is dropped rather than sent. */
export function auditQueryOf(params: Record<string, unknown>): AuditQuery {
  const str = (key: string): string => (typeof params[key] === 'string' ? (params[key] as string) : '');
  const action = str('action');
  const form: AuditFormFilters = {
    userId: str('who'),
    practiceId: str('practice'),
    resourceType: str('resource'),
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    resourceId: str('id'),
    from: DAY.test(str('from')) ? str('from') : '',
    to: DAY.test(str('to')) ? str('to') : '',
  };
  const filters: AuditFilters = {
    userId: form.userId || undefined,
    practiceId: form.practiceId || undefined,
    resourceType: form.resourceType || undefined,
    resourceId: form.resourceId || undefined,
    action: (action || undefined) as AuditAction | undefined,
    from: dayStart(form.from) ?? undefined,
    to: dayStart(form.to, 1) ?? undefined,
  };
  return {
    form,
    filters,
    filtered: Object.values(filters).some((x) => x !== undefined),
  };
}

/**
 * The query parameters for the form's filters (null removes one). The page (`page`, `size`) is the
 * list's `ListPaging`; a new search leaves `page` out, so it starts on page 1.
 */
export function auditParamsOf(form: AuditFormFilters): Record<string, string | null> {
  return {
    who: form.userId || null,
    practice: form.practiceId || null,
    resource: form.resourceType || null,
    id: form.resourceId.trim() || null,
    action: form.action || null,
    from: form.from || null,
    to: form.to || null,
  };
}
