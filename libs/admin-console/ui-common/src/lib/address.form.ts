import {
  FormControl,
  FormGroup,
  Validators,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import type { AddressDto } from '@claimline/contracts/common';
import { parseZipCode } from '@claimline/domain';
import { ClValidators } from './validators';

export type AddressForm = FormGroup<{
  line1: FormControl<string>;
  line2: FormControl<string>;
  city: FormControl<string>;
  state: FormControl<string>;
  zip: FormControl<string>;
}>;

export interface AddressOptions {
  /** May be left blank; once any field has something in it, the rest of the address is needed. */
  optional?: boolean;
  /**
   * Refuses PO boxes in the street lines: `true` with the billing address's reason, or a
   * sentence saying why this address must be a street address.
   */
  noPoBox?: true | string;
  /** Needs all nine digits (ZIP+4), as payers do on a billing provider's address. */
  zipPlus4?: boolean;
}

const blank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Required only once another field of the same address has something in it. */
const requiredWithAddress: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  const group = c.parent as FormGroup | null;
  if (!group || !blank(c.value)) return null;
  return Object.values(group.controls).some((x) => !blank(x.value))
    ? { required: 'Required for the address' }
    : null;
};

/**
 * A US street address (street, optional second line, city, state, ZIP) with the server's limits;
 * shown by `<cl-address-fields>`. Every part but the second line is required unless `optional`.
 */
export function addressGroup(options: AddressOptions = {}): AddressForm {
  const need = options.optional ? requiredWithAddress : Validators.required;
  const street =
    options.noPoBox === undefined
      ? []
      : [options.noPoBox === true ? ClValidators.noPoBox : ClValidators.poBox(options.noPoBox)];
  const control = (validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });
  const group: AddressForm = new FormGroup({
    line1: control([need, Validators.maxLength(55), ...street]),
    line2: control([Validators.maxLength(55), ...street]),
    city: control([need, Validators.maxLength(30)]),
    state: control([need]),
    zip: control([need, ClValidators.zip, ...(options.zipPlus4 ? [ClValidators.zipPlus4] : [])]),
  });
  if (options.optional) {
    // A field typed into makes the others required (and emptying the last one frees them).
    group.valueChanges.subscribe(() => {
      for (const c of Object.values(group.controls)) c.updateValueAndValidity({ emitEvent: false });
    });
  }
  return group;
}

export function isBlankAddress(group: AddressForm): boolean {
  return Object.values(group.getRawValue()).every((v) => blank(v));
}

/** The address as the API takes it: trimmed, no empty second line, ZIP written 12345 or 12345-6789. */
export function addressValue(group: AddressForm): AddressDto {
  const v = group.getRawValue();
  const zip = parseZipCode(v.zip);
  return {
    line1: v.line1.trim(),
    ...(v.line2.trim() && { line2: v.line2.trim() }),
    city: v.city.trim(),
    state: v.state.trim().toUpperCase(),
    zip: zip.ok ? zip.value : v.zip.trim(),
  };
}

/** `addressValue`, or null for an optional address left blank. */
export function optionalAddressValue(group: AddressForm): AddressDto | null {
  return isBlankAddress(group) ? null : addressValue(group);
}

/** Fills the fields from a saved address (blank for none), as not yet touched. */
export function setAddress(group: AddressForm, address: AddressDto | null | undefined): void {
  group.reset({
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    zip: address?.zip ?? '',
  });
}

/** Whether two addresses are the same (a missing second line equals an empty one). */
export function sameAddress(a: AddressDto | null | undefined, b: AddressDto | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.line1 === b.line1 &&
    (a.line2 ?? '') === (b.line2 ?? '') &&
    a.city === b.city &&
    a.state === b.state &&
    a.zip === b.zip
  );
}

/** One line: `500 W 2nd St, Suite 300, Austin, TX 78701-4042`. */
export function formatAddress(a: AddressDto): string;
export function formatAddress(a: AddressDto | null | undefined): string | null;
export function formatAddress(a: AddressDto | null | undefined): string | null {
  if (!a) return null;
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter((p) => !!p && p.trim()).join(', ');
}
