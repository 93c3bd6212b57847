import { Injectable, type Provider } from '@angular/core';
import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';

/**
 * Shows a field's error as soon as it is typed in (not only after leaving it), after leaving it,
 * and on submit: the rules are the server's, so a wrong NPI check digit or a PO box shows while
 * the person is still on the field. The console's default for forms (`provideLiveErrors()`).
 */
@Injectable({ providedIn: 'root' })
export class LiveErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control && control.invalid && (control.dirty || control.touched || !!form?.submitted);
  }
}

/**
 * For type-ahead fields, where half-typed search text is not yet an error: shows it once the
 * field is left (or on submit). Bind it on the input: `[errorStateMatcher]="blurErrors"`.
 */
@Injectable({ providedIn: 'root' })
export class BlurErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control && control.invalid && (control.touched || !!form?.submitted);
  }
}

/** `providers: [provideLiveErrors()]` on a form's component: its fields show errors as they are typed. */
export function provideLiveErrors(): Provider {
  return { provide: ErrorStateMatcher, useExisting: LiveErrorStateMatcher };
}
