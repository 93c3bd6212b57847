import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticesApi } from '@claimline/admin-console/data-access-practices';
import {
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
  PracticeUnavailableComponent,
} from '@claimline/admin-console/ui-common';
import type { PracticeReadiness, PracticeView } from '@claimline/contracts/practice-settings';
import { ReadinessChecklistComponent } from './readiness-checklist.component';
import { arrivedToAssignStaff, canEditSettings } from './settings-access';

/** A practice at a glance: who it is, and its setup checklist with links to fix each gap. */
@Component({
  selector: 'cl-practice-overview-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    PageHeaderComponent,
    LoadingComponent,
    ErrorBannerComponent,
    PracticeUnavailableComponent,
    ReadinessChecklistComponent,
  ],
  template: `
    <div class="cl-page">
      @if (practice(); as p) {
        <cl-page-header [title]="p.name" [subtitle]="subtitle()">
          <a mat-stroked-button [routerLink]="['settings']">Practice settings</a>
        </cl-page-header>
        @if (assignStaff) {
          <p class="assign" role="status" data-testid="assign-staff">
            Billing staff see this practice only once an administrator assigns it to them.
            <a mat-button routerLink="/admin/users">Assign staff on the Users page</a>
          </p>
        }
        <div class="layout">
          <div class="main">
            @if (readiness(); as r) {
              <cl-readiness-checklist [practiceId]="p.id" [readiness]="r" />
            } @else if (readinessProblem()) {
              <h2>Setup checklist</h2>
              <cl-error-banner [problem]="readinessProblem()" />
              <button mat-stroked-button type="button" (click)="loadReadiness(p.id)">Try again</button>
            } @else {
              <cl-loading label="Loading the setup checklist…" />
            }
          </div>
          <aside class="side" aria-labelledby="details-title">
            <mat-card appearance="outlined">
              <mat-card-content>
                <h2 id="details-title">Practice details</h2>
                <dl>
                  <dt>Type</dt>
                  <dd>{{ p.type === 'solo' ? 'Solo practice' : 'Group practice' }}</dd>
                  <dt>Legal name</dt>
                  <dd>{{ p.legalName || 'Not entered yet' }}</dd>
                  <dt>Phone</dt>
                  <dd>{{ p.phone }}</dd>
                  <dt>E-mail</dt>
                  <dd>{{ p.email || 'None' }}</dd>
                  <dt>Address</dt>
                  <dd>
                    {{ p.address.line1 }}
                    @if (p.address.line2) {
                      , {{ p.address.line2 }}
                    }
                    <br />{{ p.address.city }}, {{ p.address.state }} {{ p.address.zip }}
                  </dd>
                  <dt>Secure Messaging</dt>
                  <dd>{{ p.secureMessagingEnabled ? 'On for the practice' : 'Off for the practice' }}</dd>
                </dl>
                @if (canEdit()) {
                  <a mat-button [routerLink]="['settings', 'practice-details']">Edit practice details</a>
                }
              </mat-card-content>
            </mat-card>
          </aside>
        </div>
      } @else if (problem()) {
        <cl-practice-unavailable [problem]="problem()" (retry)="load(practiceId())" />
      } @else {
        <h1 class="cl-visually-hidden">Practice</h1>
        <cl-loading label="Loading the practice…" />
      }
    </div>
  `,
  styles: `
    .assign {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 16px;
      padding: 8px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 320px;
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 1100px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      .side {
        order: -1;
      }
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0 0 8px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeOverviewPage {
  private readonly api = inject(PracticesApi);
  /** From the route (`:practiceId`). */
  readonly practiceId = input.required<string>();

  protected readonly practice = signal<PracticeView | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly readiness = signal<PracticeReadiness | null>(null);
  protected readonly readinessProblem = signal<ApiProblem | null>(null);
  protected readonly canEdit = canEditSettings();
  /** Set by the new-practice page when an administrator created it (read once, on arrival). */
  protected readonly assignStaff = arrivedToAssignStaff(globalThis.history?.state);
  protected readonly subtitle = computed(() => {
    const p = this.practice();
    return p
      ? `${p.type === 'solo' ? 'Solo' : 'Group'} practice · ${p.address.city}, ${p.address.state}`
      : null;
  });

  constructor() {
    effect(() => {
      const id = this.practiceId();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string): Promise<void> {
    this.practice.set(null);
    this.problem.set(null);
    this.readiness.set(null);
    this.readinessProblem.set(null);
    const readiness = this.loadReadiness(id);
    try {
      const practice = await this.api.get(id);
      if (id === this.practiceId()) this.practice.set(practice);
    } catch (e) {
      if (id === this.practiceId()) this.problem.set(toProblem(e));
    }
    await readiness;
  }

  async loadReadiness(id: string): Promise<void> {
    this.readinessProblem.set(null);
    try {
      const r = await this.api.readiness(id);
      if (id === this.practiceId()) this.readiness.set(r);
    } catch (e) {
      if (id === this.practiceId()) this.readinessProblem.set(toProblem(e));
    }
  }
}
