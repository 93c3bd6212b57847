import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type ApiProblem, AuthService } from '@claimline/admin-console/data-access-core';
import { ErrorBannerComponent } from './states.component';

/** A practice id the API refuses: unknown, malformed or another tenant's record. */
export function isNotFound(problem: ApiProblem | null): boolean {
  return !!problem && [400, 403, 404, 422].includes(problem.status);
}

/**
 * The page state when a practice cannot be shown. The API answers "not found" for a practice the
 * user may not see, exactly as for one that does not exist. An administrator sees every practice,
 * so for them it does not exist; anyone else is most likely not assigned to it, and only an
 * administrator can change that, so the page says so (issue #20) and shows nothing of the record.
 */
@Component({
  selector: 'cl-practice-unavailable',
  imports: [RouterLink, MatButtonModule, ErrorBannerComponent],
  template: `
    @if (notFound()) {
      <section class="gone" aria-labelledby="gone-title" data-testid="practice-not-found">
        @if (admin()) {
          <h1 id="gone-title">Practice not found</h1>
          <p>No practice has this address.</p>
          <p>Check the address, or go back to <a routerLink="/practices">the practice list</a>.</p>
        } @else {
          <h1 id="gone-title">You do not have access to this practice</h1>
          <p>
            Ask an administrator to assign you to it. (If the address was typed, check it: the practice may
            not exist.)
          </p>
          <p>Go back to <a routerLink="/">your start page</a>.</p>
        }
      </section>
    } @else {
      <h1 class="cl-visually-hidden">Practice could not be loaded</h1>
      <cl-error-banner [problem]="problem()" />
      <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
    }
  `,
  styles: `
    .gone {
      max-width: 560px;
      margin: 48px auto;
      padding: 24px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 12px;
    }
    p {
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeUnavailableComponent {
  readonly problem = input.required<ApiProblem | null>();
  readonly retry = output<void>();
  protected readonly notFound = computed(() => isNotFound(this.problem()));
  private readonly auth = inject(AuthService);
  protected readonly admin = computed(() => this.auth.role() === 'admin');
}
