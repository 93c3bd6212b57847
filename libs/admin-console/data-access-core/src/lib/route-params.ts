import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap } from '@angular/router';
import { combineLatest, map } from 'rxjs';

/** The value of `name` in the deepest of these maps that has it (the maps run from the root down). */
export function nearestParam(maps: readonly Pick<ParamMap, 'get'>[], name: string): string | null {
  for (let i = maps.length - 1; i >= 0; i--) {
    const value = maps[i].get(name);
    if (value) return value;
  }
  return null;
}

/**
 * A path parameter of the current route or the nearest parent that has it (the practice id sits
 * on the app's `practices/:practiceId/...` route, which a lazy area's routes do not inherit), kept
 * up to date when a navigation reuses the component. Call in an injection context.
 */
export function routeParam(name: string): Signal<string | null> {
  const chain = inject(ActivatedRoute).pathFromRoot;
  return toSignal(combineLatest(chain.map((r) => r.paramMap)).pipe(map((maps) => nearestParam(maps, name))), {
    initialValue: nearestParam(
      chain.map((r) => r.snapshot.paramMap),
      name,
    ),
  });
}

/** A query parameter of the current address (`?focus=npi`), kept up to date. */
export function queryParam(name: string): Signal<string | null> {
  const route = inject(ActivatedRoute);
  return toSignal(route.queryParamMap.pipe(map((q) => q.get(name))), {
    initialValue: route.snapshot.queryParamMap.get(name),
  });
}

/** The fragment of the current address (`#phone`), kept up to date. */
export function routeFragment(): Signal<string | null> {
  const route = inject(ActivatedRoute);
  return toSignal(route.fragment, { initialValue: route.snapshot.fragment });
}
