import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiProblem } from '@claimline/admin-console/data-access-core';

/** A loading bar with a label for screen readers. */
@Component({
  selector: 'cl-loading',
  imports: [MatProgressBarModule],
  template: `<mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
    <p class="cl-visually-hidden" role="status">{{ label() }}</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingComponent {
  readonly label = input('Loading…');
}

/** What to show when a list has nothing in it, with a hint about what to do next. */
@Component({
  selector: 'cl-empty',
  template: `<div class="empty">
    <p class="title">{{ title() }}</p>
    <ng-content />
  </div>`,
  styles: `
    .empty {
      padding: 32px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .title {
      font-weight: 600;
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyStateComponent {
  readonly title = input.required<string>();
}

/** An error from the API in words, announced to screen readers. */
@Component({
  selector: 'cl-error-banner',
  template: `@if (problem(); as p) {
    <div class="banner" role="alert">
      <strong>{{ p.detail }}</strong>
      @if (extra().length) {
        <ul>
          @for (m of extra(); track m) {
            <li>{{ m }}</li>
          }
        </ul>
      }
    </div>
  }`,
  styles: `
    .banner {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      padding: 12px 16px;
      border-radius: 8px;
      margin: 8px 0 16px;
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorBannerComponent {
  readonly problem = input<ApiProblem | null>(null);
  /** Field errors that no input shows. */
  readonly extra = input<string[]>([]);
}
