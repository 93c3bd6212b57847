import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { parseMemberId } from '@claimline/domain';

const blank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Today as `YYYY-MM-DD` in the user's time zone (what a date input shows). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Why a `YYYY-MM-DD` value is not a usable date, or null. Empty passes (`required` is separate). */
export function dateProblem(
  value: string | null | undefined,
  label: string,
  options: { notFuture?: boolean } = {},
): string | null {
  if (blank(value)) return null;
  const v = (value as string).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return `${label} must be a date`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return `${label} is not a real calendar date`;
  if (y < 1900) return `${label} must be in 1900 or later`;
  if (options.notFuture && v > today()) return `${label} cannot be in the future`;
  return null;
}

export function dateValidator(label: string, options: { notFuture?: boolean } = {}): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    const problem = dateProblem(c.value as string, label, options);
    return problem ? { date: problem } : null;
  };
}

/** A range's end must not come before its start; set on the end control (re-checked when the start changes). */
export function notBefore(startName: string, message: string): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    const start = c.parent?.get(startName)?.value as string | undefined;
    const end = c.value as string;
    return start && end && /^\d{4}-\d{2}-\d{2}$/.test(start) && end < start ? { range: message } : null;
  };
}

/** Why a number of authorized visits cannot be saved, or null. Empty passes (`required` is separate). */
export function visitsProblem(value: unknown, max = 999): string | null {
  if (blank(value)) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return 'Visits must be a number';
  if (!Number.isInteger(n)) return 'Visits must be a whole number';
  if (n < 1) return 'Visits must be 1 or more';
  if (n > max) return `Visits must be ${max} or fewer`;
  return null;
}

export const visitsValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  const problem = visitsProblem(c.value);
  return problem ? { visits: problem } : null;
};

/** The member ID as the card shows it; spaces and dashes are fine (the server removes them). */
export const memberIdValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  if (blank(c.value)) return null;
  const result = parseMemberId(c.value as string);
  return result.ok ? null : { memberId: result.problems[0]?.message ?? 'Not a member ID' };
};
