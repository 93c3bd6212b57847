import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from '@claimline/admin-console/data-access-core';

/** `/`: staff land on the practice list; a practice's own people on their practice. */
export const homeRedirect: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = auth.user();
  if (!user) return router.createUrlTree(['/login']);
  if (auth.seesManyPractices()) return router.createUrlTree(['/practices']);
  const own = user.practiceId ?? user.practiceIds?.[0];
  return own ? router.createUrlTree(['/practices', own]) : router.createUrlTree(['/no-practice']);
};
