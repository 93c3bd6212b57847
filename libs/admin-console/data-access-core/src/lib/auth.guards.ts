import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import type { Role } from '@claimline/contracts/common';
import { AuthService } from './auth.service';

/** Only for signed-in users; others go to the sign-in page and come back afterwards. */
export const signedIn: CanMatchFn = (_route, segments) => {
  const auth = inject(AuthService);
  if (auth.signedIn()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** Only for the given roles (the API enforces the same; this keeps the UI honest). */
export function hasRole(...roles: Role[]): CanMatchFn {
  return () => {
    const role = inject(AuthService).role();
    return (role !== null && roles.includes(role)) || inject(Router).createUrlTree(['/']);
  };
}
