// Small helpers shared by the Team members, Office locations and Billing profile pages.
import { afterNextRender, computed, inject, Injectable, Injector, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { ActivatedRoute } from '@angular/router';
import { combineLatest, map } from 'rxjs';
import { AuthService } from '@claimline/admin-console/data-access-core';

/**
 * Shows a field's error as soon as it is typed in (not only after leaving it), so a wrong NPI
 * check digit or a PO box appears while the person is still on the field.
 */
@Injectable({ providedIn: 'root' })
export class LiveErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control && control.invalid && (control.dirty || control.touched || !!form?.submitted);
  }
}

/** For type-ahead fields, where half-typed search text is not yet an error: show it once the field is left. */
@Injectable({ providedIn: 'root' })
export class BlurErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control && control.invalid && (control.touched || !!form?.submitted);
  }
}

/**
 * A route parameter from the closest route that has it (the practice id sits on a parent route,
 * which a child does not inherit when the parent has its own component).
 */
export function routeParam(name: string): Signal<string | null> {
  const route = inject(ActivatedRoute);
  const chain = route.pathFromRoot;
  const read = (maps: { get(n: string): string | null }[]) => {
    for (let i = maps.length - 1; i >= 0; i--) {
      const value = maps[i].get(name);
      if (value) return value;
    }
    return null;
  };
  return toSignal(combineLatest(chain.map((r) => r.paramMap)).pipe(map(read)), {
    initialValue: read(chain.map((r) => r.snapshot.paramMap)),
  });
}

/**
 * `?focus=<field>` from a readiness link, reduced to the form's field name: the checklist names
 * fields as API paths (`billingProfile.taxId`, `teamMembers.<id>.npi`), a hand-written link may
 * use the plain name (`taxId`).
 */
export function focusParam(): Signal<string | null> {
  const route = inject(ActivatedRoute);
  const raw = toSignal(route.queryParamMap.pipe(map((q) => q.get('focus'))), { initialValue: route.snapshot.queryParamMap.get('focus') });
  return computed(() => {
    const value = raw()?.trim();
    if (!value) return null;
    const parts = value.split('.');
    return parts[parts.length - 1] || null;
  });
}

/**
 * Focuses the element marked `data-field="<name>"` inside `host` once the view has rendered
 * (an input directly, or the first input of a fieldset / radio group), and scrolls it into view.
 */
export function focusField(host: HTMLElement, name: string, injector: Injector): void {
  afterNextRender(
    () => {
      const marked = host.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
      if (!marked) return;
      const target = marked.matches('input, select, textarea, button')
        ? marked
        : marked.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
      (target ?? marked).scrollIntoView({ block: 'center' });
      (target ?? marked).focus();
    },
    { injector },
  );
}

/** Focuses the first invalid input of a form that refused to submit. */
export function focusFirstInvalid(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const el = host.querySelector<HTMLElement>(
        'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, mat-radio-group.ng-invalid input',
      );
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    },
    { injector },
  );
}

/** Who may change practice settings (the API enforces the same roles). */
export function canEditSettings(): Signal<boolean> {
  const auth = inject(AuthService);
  return computed(() => {
    const role = auth.role();
    return role === 'admin' || role === 'billing_staff' || role === 'practice_owner';
  });
}
