import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiProblem } from '@claimline/admin-console/data-access-core';

/**
 * Puts the server's field errors on the matching controls (`server` error with the message) so
 * they show next to the field; returns the errors no control matched, to show above the form.
 * `path` maps a server field (e.g. `address.line1`) to the control path when they differ.
 */
export function applyServerErrors(
  form: FormGroup,
  problem: ApiProblem,
  path: (field: string) => string = (f) => f,
): string[] {
  const unmatched: string[] = [];
  for (const e of problem.errors) {
    const control: AbstractControl | null = form.get(path(e.field));
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: e.message });
      control.markAsTouched();
    } else {
      unmatched.push(`${e.field}: ${e.message}`);
    }
  }
  return unmatched;
}
