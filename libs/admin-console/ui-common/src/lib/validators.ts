import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { TaxIdKind } from '@claimline/domain';
import { emailRule, noPoBoxRule, npiRule, phoneRule, taxIdRule, taxonomyRule, zipRule } from './rules';

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
  taxonomy: validator('taxonomy', taxonomyRule),
  noPoBox: validator('poBox', noPoBoxRule),
  taxId: (kind: () => TaxIdKind) => (control: AbstractControl) => validator('taxId', taxIdRule(kind()))(control),
};
