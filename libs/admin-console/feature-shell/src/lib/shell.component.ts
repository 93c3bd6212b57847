import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import {
  ActivatedRoute,
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService, PracticeContext } from '@claimline/admin-console/data-access-core';
import { MessagingRealtime } from '@claimline/admin-console/data-access-messages';
import { UNBILLED_ROLES } from '@claimline/contracts/claims/plain';
import { PracticeUnavailableComponent } from '@claimline/admin-console/ui-common';
import { PracticeSwitcherComponent } from './practice-switcher.component';

interface NavLink {
  label: string;
  link: string[];
  exact?: boolean;
}

/** Who works the unbilled list (the claims contracts' `UNBILLED_ROLES`). */
const BILLS: readonly string[] = UNBILLED_ROLES;

const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  billing_staff: 'Billing team',
  practice_owner: 'Practice owner',
  practice_staff: 'Practice staff',
  clinician: 'Clinician',
};

/** The frame around every signed-in page: top bar, practice switcher, role-aware navigation. */
@Component({
  selector: 'cl-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    PracticeSwitcherComponent,
    PracticeUnavailableComponent,
  ],
  template: `
    <a class="skip" href="#main">Skip to content</a>
    <mat-toolbar class="bar">
      @if (compact()) {
        <button mat-button type="button" (click)="nav.toggle()" [attr.aria-expanded]="nav.opened">
          Menu
        </button>
      }
      <a routerLink="/" class="brand" aria-label="Claimline home">Claimline</a>
      <span class="spacer"></span>
      @if (auth.seesManyPractices()) {
        <cl-practice-switcher />
      } @else if (practice.current(); as p) {
        <span class="practice-name">{{ p.name }}</span>
      }
      @if (unreadLink(); as link) {
        <a
          mat-button
          class="unread"
          [routerLink]="link"
          data-testid="unread-badge"
          [attr.aria-label]="unreadTotal() + ' unread secure messages'"
          >Messages <span class="count">{{ unreadTotal() }}</span></a
        >
      }
      <span class="who" data-testid="signed-in-as">{{ auth.user()?.email }} · {{ roleLabel() }}</span>
      <button mat-stroked-button type="button" (click)="signOut()">Sign out</button>
    </mat-toolbar>
    <mat-sidenav-container class="container">
      <mat-sidenav #nav [mode]="compact() ? 'over' : 'side'" [opened]="!compact()" class="side">
        <nav aria-label="Main">
          <mat-nav-list>
            @for (l of links(); track l.label) {
              <a
                mat-list-item
                [routerLink]="l.link"
                routerLinkActive="active"
                [routerLinkActiveOptions]="{ exact: !!l.exact }"
                ariaCurrentWhenActive="page"
                (click)="compact() && nav.close()"
                >{{ l.label }}</a
              >
            }
          </mat-nav-list>
        </nav>
      </mat-sidenav>
      <mat-sidenav-content>
        <main id="main" tabindex="-1">
          @if (practice.unavailable(); as refused) {
            <!-- Deferred: ui-common stays out of the first download (see login.page.ts). -->
            @defer {
              <div class="cl-page"><cl-practice-unavailable [problem]="refused.problem" /></div>
            }
          } @else {
            <router-outlet />
          }
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
    }
    .bar {
      gap: 12px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      position: relative;
      z-index: 2;
    }
    .brand {
      font-weight: 700;
      text-decoration: none;
      color: inherit;
      font-size: 20px;
    }
    .spacer {
      flex: 1;
    }
    .who {
      font-size: 13px;
      opacity: 0.85;
    }
    .practice-name {
      font-weight: 600;
    }
    .unread .count {
      display: inline-block;
      min-width: 20px;
      margin-left: 4px;
      padding: 0 6px;
      border-radius: 10px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-weight: 600;
    }
    .container {
      flex: 1;
    }
    .side {
      width: 232px;
      border-right: 1px solid var(--mat-sys-outline-variant);
    }
    .active {
      background: var(--mat-sys-secondary-container);
      font-weight: 600;
    }
    main:focus {
      outline: none;
    }
    .skip {
      position: absolute;
      left: -999px;
      top: 8px;
      z-index: 10;
      background: #fff;
      padding: 8px;
    }
    .skip:focus {
      left: 8px;
    }
    @media (max-width: 900px) {
      .who {
        display: none;
      }
    }
    /* A phone (390 px): the practice switcher takes a row of its own, so Sign out stays on screen. */
    @media (max-width: 600px) {
      .bar {
        flex-wrap: wrap;
        height: auto;
        row-gap: 4px;
        padding: 8px 12px;
      }
      .bar cl-practice-switcher {
        order: 1;
        flex: 1 0 100%;
      }
      .practice-name {
        order: 1;
        flex: 1 0 100%;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  protected readonly practice = inject(PracticeContext);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1023px)')
      .pipe(map((r) => r.matches)),
    { initialValue: false },
  );
  private readonly practiceId = signal<string | null>(null);
  protected readonly roleLabel = computed(() => ROLE_LABELS[this.auth.role() ?? ''] ?? '');
  /** The signed-in user's unread secure messages (pushed over the messaging socket). */
  private readonly realtime = inject(MessagingRealtime);
  protected readonly unreadTotal = computed(() => this.realtime.unread()?.total ?? 0);
  /** The badge opens the practice on screen when it has unread messages, else the first that has. */
  protected readonly unreadLink = computed(() => {
    const counts = this.realtime.unread();
    if (!counts || counts.total === 0) return null;
    const here = counts.practices.find((p) => p.practiceId === this.practiceId());
    return ['/practices', (here ?? counts.practices[0]).practiceId, 'messages'];
  });

  protected readonly links = computed<NavLink[]>(() => {
    const id = this.practiceId();
    const many = this.auth.seesManyPractices();
    const out: NavLink[] = [];
    if (many) out.push({ label: 'Practices', link: ['/practices'], exact: true });
    if (many) out.push({ label: 'Unbilled appointments', link: ['/unbilled'] });
    if (id) {
      out.push(
        { label: 'Overview', link: ['/practices', id], exact: true },
        { label: 'Practice settings', link: ['/practices', id, 'settings'] },
        { label: 'Clients', link: ['/practices', id, 'clients'] },
        { label: 'Appointments', link: ['/practices', id, 'appointments'] },
        { label: 'Claims', link: ['/practices', id, 'claims'] },
        { label: 'Enrollments', link: ['/practices', id, 'enrollments'] },
        { label: 'Messages', link: ['/practices', id, 'messages'] },
      );
      if (BILLS.includes(this.auth.role() ?? ''))
        out.splice(out.length - 2, 0, { label: 'Unbilled', link: ['/practices', id, 'unbilled'] });
    }
    if (this.auth.role() === 'admin') {
      out.push(
        { label: 'Users', link: ['/admin', 'users'] },
        { label: 'Audit log', link: ['/admin', 'audit'] },
        { label: 'E-mails', link: ['/admin', 'emails'] },
      );
    }
    return out;
  });

  constructor() {
    // The practice in the URL drives the header and the navigation.
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.readPracticeFromUrl());
    this.readPracticeFromUrl();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
  }

  private readPracticeFromUrl(): void {
    const match = /^\/practices\/([0-9a-f-]{36})(?:[/?#]|$)/.exec(this.router.url);
    const id = match?.[1] ?? null;
    this.practiceId.set(id);
    void this.practice.select(id);
  }
}
