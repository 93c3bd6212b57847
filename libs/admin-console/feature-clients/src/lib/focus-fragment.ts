import { DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';

/**
 * Missing-info links carry the field as the fragment (`#phone`); the tab moves the focus to that
 * field once it is on screen, so the user lands where to type. Call in a constructor.
 */
export function focusOnFragment(idFor: (field: string) => string | null): void {
  const route = inject(ActivatedRoute);
  let timer: ReturnType<typeof setTimeout> | undefined;
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  route.fragment.pipe(takeUntilDestroyed()).subscribe((field) => {
    clearTimeout(timer);
    const id = field ? idFor(field) : null;
    if (!id) return;
    let tries = 0;
    const attempt = () => {
      const el = document.getElementById(id);
      const target = el?.matches('input, select, textarea, button, [tabindex]') ? el : el?.querySelector<HTMLElement>('input, button, [tabindex]');
      if (target) {
        target.scrollIntoView({ block: 'center' });
        target.focus();
      } else if (++tries < 30) timer = setTimeout(attempt, 100);
    };
    timer = setTimeout(attempt, 0);
  });
}
