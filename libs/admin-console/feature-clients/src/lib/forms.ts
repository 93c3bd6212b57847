import type { AbstractControl, FormBuilder, FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { Validators } from '@angular/forms';
import { ClValidators } from '@claimline/admin-console/ui-common';
import type { AddressDto } from '@claimline/contracts/common';
import { parseMemberId, US_DISTRICT_CODES, US_STATE_CODES, US_TERRITORY_CODES } from '@claimline/domain';

/** States, DC and territories a claim address may name (what the API's address pattern accepts). */
export const STATE_OPTIONS: readonly string[] = [...US_STATE_CODES, ...US_DISTRICT_CODES, ...US_TERRITORY_CODES].sort();

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Today as `YYYY-MM-DD` in the user's time zone (what a date input shows). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Why a `YYYY-MM-DD` value is not a usable date, or null. Empty passes (`required` is separate). */
export function dateProblem(value: string | null | undefined, label: string, options: { notFuture?: boolean } = {}): string | null {
  if (blank(value)) return null;
  const v = (value as string).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return `${label} must be a date`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `${label} is not a real calendar date`;
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

/** The member ID as the card shows it; spaces and dashes are fine (the server removes them). */
export const memberIdValidator: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  if (blank(c.value)) return null;
  const result = parseMemberId(c.value as string);
  return result.ok ? null : { memberId: result.problems[0]?.message ?? 'Not a member ID' };
};

/** Required only once any other field of the same address has something in it. */
const requiredWithAddress: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  const group = c.parent as FormGroup | null;
  if (!group || !blank(c.value)) return null;
  const any = Object.values(group.controls).some((x) => !blank(x.value));
  return any ? { required: 'Required for the address' } : null;
};

export type AddressForm = FormGroup<{
  line1: FormControl<string>;
  line2: FormControl<string>;
  city: FormControl<string>;
  state: FormControl<string>;
  zip: FormControl<string>;
}>;

/**
 * An address: street, optional second line, city, state, ZIP. `required`: every part but line 2
 * is needed; otherwise the address may be left empty, but once started it must be complete.
 */
export function addressForm(fb: FormBuilder, required: boolean): AddressForm {
  const need = required ? Validators.required : requiredWithAddress;
  const group = fb.nonNullable.group({
    line1: ['', [need, Validators.maxLength(55)]],
    line2: ['', [Validators.maxLength(55)]],
    city: ['', [need, Validators.maxLength(30)]],
    state: ['', [need]],
    zip: ['', [need, ClValidators.zip]],
  });
  if (!required) {
    // a field typed into makes the others required: re-check the siblings
    group.valueChanges.subscribe(() => {
      for (const c of Object.values(group.controls)) c.updateValueAndValidity({ emitEvent: false });
    });
  }
  return group;
}

export function addressValue(group: AddressForm): AddressDto | null {
  const v = group.getRawValue();
  if ([v.line1, v.line2, v.city, v.state, v.zip].every((x) => blank(x))) return null;
  return { line1: v.line1.trim(), ...(v.line2.trim() ? { line2: v.line2.trim() } : {}), city: v.city.trim(), state: v.state, zip: v.zip.trim() };
}

export function setAddress(group: AddressForm, a: AddressDto | null | undefined): void {
  group.reset({ line1: a?.line1 ?? '', line2: a?.line2 ?? '', city: a?.city ?? '', state: a?.state ?? '', zip: a?.zip ?? '' });
}

/** Server field paths (`address.zip`, `subscriber.address.zip`) are the form's control paths. */
export const sameFieldPath = (field: string): string => field;

/**
 * Errors show as soon as a field is typed into (not only after leaving it), after leaving it, and
 * on submit: "validation as you type".
 */
export class ShowWhileTypingErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: { submitted: boolean } | null): boolean {
    return !!(control && control.invalid && (control.dirty || control.touched || form?.submitted));
  }
}
