import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { TaxIdKind } from '@claimline/domain';
import {
  emailRule,
  noPoBoxRule,
  npiRule,
  phoneRule,
  poBoxRule,
  taxIdRule,
  taxonomyRule,
  zipPlus4Rule,
  zipRule,
} from './rules';

type Rule = (v: string | null | undefined) => string | null;

/** Wraps a rule as an Angular validator; the message travels in the error (`{ rule: message }`). */
function validator(name: string, rule: Rule): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const msg = rule(control.value as string | null);
    return msg ? { [name]: msg } : null;
  };
}

export const ClValidators = {
  npi: validator('npi', npiRule),
  phone: validator('phone', phoneRule),
  email: validator('email', emailRule),
  zip: validator('zip', zipRule),
  /** All nine digits (a billing provider's ZIP); use with `zip`. */
  zipPlus4: validator('zipPlus4', zipPlus4Rule),
  taxonomy: validator('taxonomy', taxonomyRule),
  /** No PO box, worded for a billing address. */
  noPoBox: validator('poBox', noPoBoxRule),
  /** No PO box, with the reason in the form's own words. */
  poBox: (message: string) => validator('poBox', poBoxRule(message)),
  taxId: (kind: () => TaxIdKind) => (control: AbstractControl) =>
    validator('taxId', taxIdRule(kind()))(control),
};
