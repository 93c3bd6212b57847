import {
  afterNextRender,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  type Signal,
} from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { queryParam } from '@claimline/admin-console/data-access-core';

/** How long a field asked for is waited for (a tab may still be loading the record it belongs to). */
const WAIT_MS = 3000;
const FOCUSABLE =
  'input:not([type=hidden]), select, textarea, button, mat-select, [tabindex]:not([tabindex="-1"])';

/**
 * A field name as links give it, reduced to the form's: readiness links name API paths
 * (`billingProfile.taxId`, `teamMembers.<id>.npi`), a hand-written link the plain name (`taxId`).
 */
export function fieldNameOf(value: string | null | undefined): string | null {
  const parts = (value ?? '').trim().split('.');
  return parts[parts.length - 1] || null;
}

/** `?focus=<field>` of the current address, reduced to the form's field name (`fieldNameOf`). */
export function focusParam(): Signal<string | null> {
  const raw = queryParam('focus');
  return computed(() => fieldNameOf(raw()));
}

/**
 * Puts the cursor on the element marked `data-field="<name>"` inside `host` (an input directly, or
 * the first input of a fieldset, radio group or card) and scrolls it into view, once the view has
 * rendered; waits a little for it if it is not there yet (a record still loading).
 */
export function focusField(host: HTMLElement, name: string, injector: Injector): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const destroyRef = injector.get(DestroyRef);
  const unregister = destroyRef.onDestroy(() => {
    stopped = true;
    clearTimeout(timer);
  });
  const started = Date.now();
  const attempt = () => {
    if (stopped) return;
    const marked = host.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (!marked && Date.now() - started < WAIT_MS) {
      timer = setTimeout(attempt, 100);
      return;
    }
    unregister();
    if (marked)
      moveFocus(
        marked.matches(FOCUSABLE) ? marked : (marked.querySelector<HTMLElement>(FOCUSABLE) ?? marked),
      );
  };
  afterNextRender(attempt, { injector });
}

/** Puts the cursor on the first invalid field of a form that refused to submit. */
export function focusFirstInvalid(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const el = host.querySelector<HTMLElement>(
        'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, mat-radio-group.ng-invalid input',
      );
      if (el) moveFocus(el);
    },
    { injector },
  );
}

function moveFocus(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

/** The focus helpers bound to a component's own element (`injectFieldFocus()`). */
export interface FieldFocus {
  /** `focusField` inside the component. */
  focus(name: string): void;
  /** `focusFirstInvalid` inside the component. */
  focusFirstInvalid(): void;
  /**
   * Before a save: marks every field touched (so their errors show); when the form is invalid,
   * puts the cursor on the first invalid field and answers false.
   */
  validate(form: AbstractControl): boolean;
}

/** `focusField` / `focusFirstInvalid` for the calling component; call in an injection context. */
export function injectFieldFocus(): FieldFocus {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const injector = inject(Injector);
  return {
    focus: (name) => focusField(host, name, injector),
    focusFirstInvalid: () => focusFirstInvalid(host, injector),
    validate(form) {
      form.markAllAsTouched();
      if (!form.invalid) return true;
      focusFirstInvalid(host, injector);
      return false;
    },
  };
}
