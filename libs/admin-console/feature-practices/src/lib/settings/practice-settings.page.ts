import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import {
  LoadingComponent,
  PageHeaderComponent,
  PracticeUnavailableComponent,
} from '@claimline/admin-console/ui-common';
import { PracticeSettingsStore } from './practice-settings.store';

const TABS = [
  { path: 'practice-details', label: 'Practice details' },
  { path: 'team-members', label: 'Team members' },
  { path: 'locations', label: 'Office locations' },
  { path: 'billing', label: 'Billing profile' },
  { path: 'fee-schedule', label: 'Fee schedule' },
  { path: 'secure-messaging', label: 'Secure messaging' },
] as const;

/** `/practices/:practiceId/settings`: one tab per part of the practice's setup. */
@Component({
  selector: 'cl-practice-settings-page',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatTabsModule,
    MatButtonModule,
    PageHeaderComponent,
    PracticeUnavailableComponent,
    LoadingComponent,
  ],
  providers: [PracticeSettingsStore],
  template: `
    <div class="cl-page">
      @if (state.practice(); as p) {
        <cl-page-header title="Practice settings" [subtitle]="p.name">
          <a mat-button [routerLink]="['/practices', p.id]">Back to the overview</a>
        </cl-page-header>
        <nav
          mat-tab-nav-bar
          [tabPanel]="panel"
          aria-label="Practice settings sections"
          mat-stretch-tabs="false"
        >
          @for (t of tabs; track t.path) {
            <a
              mat-tab-link
              [routerLink]="t.path"
              routerLinkActive
              #rla="routerLinkActive"
              [active]="rla.isActive"
              >{{ t.label }}</a
            >
          }
        </nav>
        <mat-tab-nav-panel #panel class="panel">
          <router-outlet />
        </mat-tab-nav-panel>
      } @else if (state.problem()) {
        <cl-practice-unavailable [problem]="state.problem()" (retry)="state.reload()" />
      } @else {
        <h1 class="cl-visually-hidden">Practice settings</h1>
        <cl-loading label="Loading the practice…" />
      }
    </div>
  `,
  styles: `
    .panel {
      display: block;
      padding-top: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeSettingsPage {
  protected readonly state = inject(PracticeSettingsStore);
  protected readonly tabs = TABS;
  /** From the route (`:practiceId/settings`). */
  readonly practiceId = input.required<string>();

  constructor() {
    effect(() => {
      const id = this.practiceId();
      untracked(() => void this.state.load(id));
    });
  }
}
