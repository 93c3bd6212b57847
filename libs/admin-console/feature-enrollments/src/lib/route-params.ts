import type { ActivatedRoute, ParamMap } from '@angular/router';
import { combineLatest, map, type Observable } from 'rxjs';

/**
 * A route parameter from this route or the nearest ancestor that has it: `practiceId` belongs to
 * the app's `practices/:practiceId/enrollments` route, the parent of ours.
 */
export function paramFrom(route: ActivatedRoute, name: string): Observable<string | null> {
  return combineLatest(route.pathFromRoot.map((r) => r.paramMap)).pipe(map((maps: ParamMap[]) => nearest(maps, name)));
}

function nearest(maps: ParamMap[], name: string): string | null {
  for (let i = maps.length - 1; i >= 0; i--) {
    const value = maps[i].get(name);
    if (value) return value;
  }
  return null;
}
