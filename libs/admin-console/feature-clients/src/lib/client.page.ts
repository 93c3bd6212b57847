import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService, routeParam } from '@claimline/admin-console/data-access-core';
import {
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
  StatusChipComponent,
  formatDate,
} from '@claimline/admin-console/ui-common';
import { ClientStore } from './client.store';
import { BILLING_TYPE_LABELS, fullName } from './labels';
import { MissingInfoComponent } from './missing-info.component';

/** One client: header, what is missing for billing, and the Profile / Insurance tabs. */
@Component({
  selector: 'cl-client-page',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatTabsModule,
    MatButtonModule,
    PageHeaderComponent,
    LoadingComponent,
    ErrorBannerComponent,
    StatusChipComponent,
    MissingInfoComponent,
  ],
  providers: [ClientStore],
  template: `
    <div class="cl-page">
      <a routerLink=".." class="back">← All clients</a>
      @if (store.client(); as c) {
        <cl-page-header [title]="title()" [subtitle]="subtitle()">
          <cl-status-chip [label]="c.active ? 'Active' : 'Inactive'" [tone]="c.active ? 'info' : 'neutral'" />
          <a
            mat-stroked-button
            [routerLink]="['/practices', store.practiceId(), 'messages']"
            [queryParams]="{ aboutType: 'client', aboutId: c.id, compose: 1 }"
            data-testid="message-about"
            >{{ auth.seesManyPractices() ? 'Message the practice' : 'Message the billing team' }}</a
          >
          <a
            mat-button
            [routerLink]="['/practices', store.practiceId(), 'claims']"
            [queryParams]="{ client: c.id }"
            >Claims</a
          >
        </cl-page-header>
        <div class="layout">
          <cl-missing-info class="aside" [info]="store.missing()" [practiceId]="store.practiceId()" />
          <div class="main">
            <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Client sections">
              <a
                mat-tab-link
                routerLink="profile"
                routerLinkActive
                #p="routerLinkActive"
                [active]="p.isActive"
                >Profile</a
              >
              <a
                mat-tab-link
                routerLink="insurance"
                routerLinkActive
                #i="routerLinkActive"
                [active]="i.isActive"
                >Billing and insurance</a
              >
            </nav>
            <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
          </div>
        </div>
      } @else if (store.loading()) {
        <cl-loading label="Loading the client…" />
      } @else {
        <cl-page-header title="Client" />
        <cl-error-banner [problem]="store.problem()" />
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 8px;
    }
    .layout {
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(0, 1fr);
    }
    .aside {
      order: 0;
    }
    .main {
      order: 1;
      min-width: 0;
    }
    @media (min-width: 1200px) {
      .layout {
        grid-template-columns: minmax(0, 1fr) 300px;
        align-items: start;
      }
      .main {
        order: 0;
      }
      .aside {
        order: 1;
        position: sticky;
        top: 16px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPage {
  protected readonly store = inject(ClientStore);
  protected readonly auth = inject(AuthService);
  private readonly practiceId = routeParam('practiceId');
  private readonly clientId = routeParam('clientId');

  protected readonly title = computed(() => {
    const c = this.store.client();
    return c ? fullName(c) : 'Client';
  });
  protected readonly subtitle = computed(() => {
    const c = this.store.client();
    if (!c) return null;
    const parts = [
      c.birthDate ? `Born ${formatDate(c.birthDate)}` : 'Birth date not set',
      c.billingType ? BILLING_TYPE_LABELS[c.billingType] : 'Billing type not set',
    ];
    return parts.join(' · ');
  });

  constructor() {
    // the same page shows another client when only the id in the address changes
    effect(() => {
      const practiceId = this.practiceId() ?? '';
      const clientId = this.clientId() ?? '';
      untracked(() => {
        if (practiceId !== this.store.practiceId() || clientId !== this.store.clientId())
          void this.store.open(practiceId, clientId);
      });
    });
  }
}
