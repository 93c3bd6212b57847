import { computed, inject, type Signal } from '@angular/core';
import { AuthService } from '@claimline/admin-console/data-access-core';

/** Who may change practice settings (the API enforces the same roles). */
export function canEditSettings(): Signal<boolean> {
  const auth = inject(AuthService);
  return computed(() => {
    const role = auth.role();
    return role === 'admin' || role === 'billing_staff' || role === 'practice_owner';
  });
}

/**
 * Navigation state set when an administrator created the practice: billing staff see a practice
 * only once it is assigned to them, so its overview says so and links to the users page.
 */
export const ASSIGN_STAFF_STATE = 'assignStaff';

/** Whether this page was reached right after an administrator created the practice. */
export function arrivedToAssignStaff(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    (state as Record<string, unknown>)[ASSIGN_STAFF_STATE] === true
  );
}
