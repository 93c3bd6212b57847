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
