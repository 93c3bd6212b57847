import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

const WORDS: Record<string, (e: unknown) => string> = {
  required: () => 'Required',
  maxlength: (e) => `At most ${(e as { requiredLength: number }).requiredLength} characters`,
  minlength: (e) => `At least ${(e as { requiredLength: number }).requiredLength} characters`,
  pattern: () => 'Not in the expected format',
  email: () => 'Not an e-mail address',
  min: (e) => `Must be ${(e as { min: number }).min} or more`,
  max: (e) => `Must be ${(e as { max: number }).max} or less`,
};

/** The first error of a control in words: our validators carry their message; Angular's get one here. */
export function errorText(control: AbstractControl | null): string | null {
  const errors = control?.errors;
  if (!errors) return null;
  const [key, value] = Object.entries(errors)[0] as [string, unknown];
  if (typeof value === 'string') return value;
  return WORDS[key]?.(value) ?? 'Invalid value';
}

/** `<mat-error><cl-field-error [control]="form.controls.npi" /></mat-error>` */
@Component({
  selector: 'cl-field-error',
  template: '{{ text() }}',
  changeDetection: ChangeDetectionStrategy.Default,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl | null>();
  text(): string | null {
    return errorText(this.control());
  }
}
