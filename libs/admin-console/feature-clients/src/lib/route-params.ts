import type { ActivatedRoute, ActivatedRouteSnapshot } from '@angular/router';

/**
 * A path parameter from this route or the nearest parent that has it: the practice id lives on
 * the app's `practices/:practiceId/clients` route, above this library's routes.
 */
export function routeParam(route: ActivatedRoute | ActivatedRouteSnapshot, name: string): string | null {
  const snapshot = 'snapshot' in route ? route.snapshot : route;
  for (let r: ActivatedRouteSnapshot | null = snapshot; r; r = r.parent) {
    const value = r.paramMap.get(name);
    if (value) return value;
  }
  return null;
}
