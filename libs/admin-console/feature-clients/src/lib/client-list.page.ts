import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PracticeContext,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  PaginatorComponent,
  plural,
  StatusChipComponent,
  formatDate,
} from '@claimline/admin-console/ui-common';
import type { ClientMissingInfo, ClientView } from '@claimline/contracts/client-insurance';
import { clientQueryOf } from './client-search';
import { BILLING_TYPE_LABELS, formatPhone } from './labels';

type StatusFilter = 'active' | 'inactive' | 'all';
const PAGE_SIZE = 25;
const DEBOUNCE_MS = 300;

/** The practice's clients: search by name as you type, active/inactive, pages of 25, billing readiness per row. */
@Component({
  selector: 'cl-client-list-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    PaginatorComponent,
    MatTableModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header title="Clients" [subtitle]="practice.current()?.name ?? null">
        <a mat-flat-button routerLink="new">Add client</a>
      </cl-page-header>

      <div class="filters" role="search">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
          <mat-label>Search clients</mat-label>
          <input
            matInput
            type="search"
            [ngModel]="search()"
            (ngModelChange)="typed($event)"
            autocomplete="off"
          />
          <mat-hint>Start of the first or last name (“ada lov”), or a birth date (03/14/1985)</mat-hint>
        </mat-form-field>
        <mat-button-toggle-group
          [value]="status()"
          (change)="setStatus($event.value)"
          aria-label="Show clients"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="active">Active</mat-button-toggle>
          <mat-button-toggle value="inactive">Inactive</mat-button-toggle>
          <mat-button-toggle value="all">All</mat-button-toggle>
        </mat-button-toggle-group>
      </div>

      <cl-error-banner [problem]="problem()" />
      @if (loading()) {
        <cl-loading label="Loading clients…" />
      }

      @if (rows(); as list) {
        @if (list.length === 0 && !loading()) {
          @if (search().trim()) {
            <cl-empty [title]="'No client matches “' + search().trim() + '”'">
              <p>
                Search matches the start of a first or last name, or a whole birth date. Check the spelling,
                or show all clients.
              </p>
            </cl-empty>
          } @else if (status() !== 'all') {
            <cl-empty [title]="status() === 'active' ? 'No active clients' : 'No inactive clients'">
              <p>Add a client, or show all clients.</p>
            </cl-empty>
          } @else {
            <cl-empty title="No clients yet">
              <p>Add your first client with their name as on the insurance card.</p>
              <a mat-stroked-button routerLink="new">Add client</a>
            </cl-empty>
          }
        } @else if (list.length > 0) {
          <div class="table-wrap">
            <table mat-table [dataSource]="list" aria-label="Clients">
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef>Name</th>
                <td mat-cell *matCellDef="let c">
                  <a [routerLink]="[c.id]" class="name">{{ c.lastName }}, {{ c.firstName }}</a>
                  @if (c.preferredName) {
                    <span class="pref">“{{ c.preferredName }}”</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="birthDate">
                <th mat-header-cell *matHeaderCellDef>Birth date</th>
                <td mat-cell *matCellDef="let c">{{ date(c.birthDate) || '—' }}</td>
              </ng-container>
              <ng-container matColumnDef="phone">
                <th mat-header-cell *matHeaderCellDef class="opt">Phone</th>
                <td mat-cell *matCellDef="let c" class="opt">{{ phone(c.phone) || '—' }}</td>
              </ng-container>
              <ng-container matColumnDef="billing">
                <th mat-header-cell *matHeaderCellDef>Billing</th>
                <td mat-cell *matCellDef="let c">{{ billingLabel(c) }}</td>
              </ng-container>
              <ng-container matColumnDef="ready">
                <th mat-header-cell *matHeaderCellDef>Billing information</th>
                <td mat-cell *matCellDef="let c">
                  @if (missing()[c.id]; as m) {
                    @if (m.complete) {
                      <cl-status-chip label="Complete" tone="success" />
                    } @else {
                      <cl-status-chip [label]="m.missing.length + ' missing'" tone="warning" />
                    }
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef>Status</th>
                <td mat-cell *matCellDef="let c">
                  <cl-status-chip
                    [label]="c.active ? 'Active' : 'Inactive'"
                    [tone]="c.active ? 'info' : 'neutral'"
                  />
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
          <cl-paginator [paging]="paging" label="Pages of clients" (page)="paged($event)" />
          <p class="cl-visually-hidden" role="status">{{ plural(paging.total(), 'client') }} found</p>
        }
      }
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: center;
      margin-bottom: 16px;
    }
    .search {
      flex: 1 1 280px;
      max-width: 480px;
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
    }
    .name {
      font-weight: 600;
    }
    .pref {
      margin-left: 6px;
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 720px) {
      .opt {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientListPage {
  protected readonly plural = plural;
  private readonly api = inject(ClientsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly practice = inject(PracticeContext);
  private readonly practiceId = routeParam('practiceId');

  protected readonly columns = ['name', 'birthDate', 'phone', 'billing', 'ready', 'status'];

  private readonly query = this.route.snapshot.queryParamMap;
  protected readonly search = signal(this.query.get('q') ?? '');
  protected readonly status = signal<StatusFilter>(
    (['active', 'inactive', 'all'] as const).find((s) => s === this.query.get('status')) ?? 'active',
  );
  /** One page size: a practice's client list is searched rather than paged through. */
  protected readonly paging = new ListPaging([PAGE_SIZE]);

  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly rows = signal<ClientView[] | null>(null);
  protected readonly missing = signal<Record<string, ClientMissingInfo>>({});

  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor() {
    this.paging.fromParams({ page: this.query.get('page') });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    // again when the switcher opens another practice's list in this same page
    effect(() => {
      if (this.practiceId()) untracked(() => void this.load());
    });
  }

  protected typed(text: string): void {
    this.search.set(text);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.paging.first();
      void this.load();
    }, DEBOUNCE_MS);
  }

  protected setStatus(status: StatusFilter): void {
    this.status.set(status);
    this.paging.first();
    void this.load();
  }

  protected paged(e: PageEvent): void {
    this.paging.turn(e);
    void this.load();
  }

  protected billingLabel(c: ClientView): string {
    return c.billingType ? BILLING_TYPE_LABELS[c.billingType] : 'Not set';
  }

  protected date = formatDate;
  protected phone = formatPhone;

  private async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    this.keepInUrl();
    const practiceId = this.practiceId() ?? '';
    try {
      const status = this.status();
      const page = await this.api.list(practiceId, {
        ...clientQueryOf(this.search()),
        active: status === 'all' ? undefined : status === 'active',
        ...this.paging.request(),
      });
      if (mine !== this.seq) return; // a later search won
      if (this.paging.counted(page.total, page.items.length)) return this.load();
      this.rows.set(page.items);
      this.loading.set(false);
      // readiness per row: one bulk call for the page; the list stays usable if it fails
      const info = await this.api
        .missingInfoMany(
          practiceId,
          page.items.map((c) => c.id),
        )
        .catch(() => null);
      if (mine !== this.seq || !info) return;
      this.missing.set(Object.fromEntries(info.items.map((i) => [i.clientId, i])));
    } catch (e) {
      if (mine !== this.seq) return;
      this.problem.set(toProblem(e));
      this.loading.set(false);
    }
  }

  /** The search stays in the address: back from a client returns to the same list. */
  private keepInUrl(): void {
    const queryParams = {
      q: this.search().trim() || null,
      status: this.status() === 'active' ? null : this.status(),
      page: this.paging.params().page,
    };
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl: true });
  }
}
