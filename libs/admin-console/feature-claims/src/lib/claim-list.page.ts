import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PracticeContext,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { ClaimsApi } from '@claimline/admin-console/data-access-claims';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  PaginatorComponent,
  plural,
  StatusChipComponent,
  type ChipTone,
} from '@claimline/admin-console/ui-common';
import type { ClaimPage, ClaimSummaryView } from '@claimline/contracts/claims/plain';
import { CLAIM_STATUSES, type ClaimStatus } from '@claimline/domain';
import { BillingNamesStore } from './billing-names.store';
import { anyFilter, claimFiltersFrom, claimParams, claimQuery, type ClaimFilters } from './claim-filters';
import { CLAIM_STATUS_LABELS, CLAIM_STATUS_TONES, findingCount, money, serviceDates } from './claim-words';

/** A practice's claims, newest first, with how many are in each status; filters and page in the address. */
@Component({
  selector: 'cl-claim-list-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    PageHeaderComponent,
    PaginatorComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header title="Claims" [subtitle]="practice.current()?.name ?? null">
        <a mat-stroked-button [routerLink]="['/practices', practiceId(), 'unbilled']"
          >Unbilled appointments</a
        >
      </cl-page-header>

      <div class="counts" role="group" aria-label="Claims by status">
        <button
          type="button"
          class="count"
          [class.on]="!filters().status"
          [attr.aria-pressed]="!filters().status"
          (click)="setFilter('status', '')"
        >
          All <strong>{{ allCount() }}</strong>
        </button>
        @for (s of statuses; track s) {
          @if (counts()[s] || filters().status === s) {
            <button
              type="button"
              class="count"
              [class.on]="filters().status === s"
              [attr.aria-pressed]="filters().status === s"
              (click)="setFilter('status', s)"
            >
              {{ labels[s] }} <strong>{{ counts()[s] ?? 0 }}</strong>
            </button>
          }
        }
      </div>

      <div class="filters" role="search">
        @if (filters().client; as client) {
          <p class="client-filter">
            Claims of {{ names.clientName(practiceId() ?? '', client) }}
            <button mat-button type="button" (click)="setFilter('client', '')">Show every client</button>
          </p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
          <mat-label>Payer</mat-label>
          <mat-select [ngModel]="filters().payer" (ngModelChange)="setFilter('payer', $event)">
            <mat-option value="">All payers</mat-option>
            @for (p of payerOptions(); track p[0]) {
              <mat-option [value]="p[0]">{{ p[1] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Service from</mat-label>
          <input
            matInput
            type="date"
            [ngModel]="filters().from"
            (ngModelChange)="setFilter('from', $event)"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Service to</mat-label>
          <input matInput type="date" [ngModel]="filters().to" (ngModelChange)="setFilter('to', $event)" />
        </mat-form-field>
      </div>

      <cl-error-banner [problem]="problem()" />
      @if (loading()) {
        <cl-loading label="Loading claims…" />
      }
      @if (rows(); as list) {
        @if (list.length === 0 && !loading()) {
          <cl-empty [title]="filtered() ? 'No claim matches these filters' : 'No claims yet'">
            <p>Claims are made from the unbilled appointments.</p>
          </cl-empty>
        } @else if (list.length > 0) {
          <div class="table-wrap">
            <table mat-table [dataSource]="list" aria-label="Claims">
              <ng-container matColumnDef="number">
                <th mat-header-cell *matHeaderCellDef>Claim</th>
                <td mat-cell *matCellDef="let c">
                  <a [routerLink]="[c.id]" class="mono strong">{{ c.patientControlNumber }}</a>
                </td>
              </ng-container>
              <ng-container matColumnDef="client">
                <th mat-header-cell *matHeaderCellDef>Client</th>
                <td mat-cell *matCellDef="let c">{{ names.clientName(c.practiceId, c.clientId) }}</td>
              </ng-container>
              <ng-container matColumnDef="dates">
                <th mat-header-cell *matHeaderCellDef>Dates of service</th>
                <td mat-cell *matCellDef="let c">{{ dates(c) }}</td>
              </ng-container>
              <ng-container matColumnDef="payer">
                <th mat-header-cell *matHeaderCellDef>Payer</th>
                <td mat-cell *matCellDef="let c">{{ c.payerName }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef>Status</th>
                <td mat-cell *matCellDef="let c">
                  <cl-status-chip [label]="c.statusLabel" [tone]="toneOf(c)" />
                </td>
              </ng-container>
              <ng-container matColumnDef="findings">
                <th mat-header-cell *matHeaderCellDef>Scrub</th>
                <td mat-cell *matCellDef="let c">{{ findings(c) }}</td>
              </ng-container>
              <ng-container matColumnDef="total">
                <th mat-header-cell *matHeaderCellDef class="num">Total</th>
                <td mat-cell *matCellDef="let c" class="num">{{ money(c.totalCents) }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
          <cl-paginator [paging]="paging" label="Pages of claims" (page)="paged($event)" />
          <p class="cl-visually-hidden" role="status">{{ plural(paging.total(), 'claim') }} found</p>
        }
      }
    </div>
  `,
  styles: `
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .count {
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      border-radius: 999px;
      padding: 4px 12px;
      cursor: pointer;
      font: inherit;
    }
    .count.on {
      background: var(--mat-sys-secondary-container);
      border-color: var(--mat-sys-secondary);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin-bottom: 16px;
    }
    .wide {
      min-width: 220px;
    }
    .client-filter {
      flex-basis: 100%;
      margin: 0;
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
    }
    .strong {
      font-weight: 600;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .num {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimListPage {
  protected readonly plural = plural;
  protected readonly money = money;
  protected readonly statuses = CLAIM_STATUSES;
  protected readonly labels = CLAIM_STATUS_LABELS;
  protected readonly tones = CLAIM_STATUS_TONES;
  private readonly api = inject(ClaimsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly practice = inject(PracticeContext);
  protected readonly names = inject(BillingNamesStore);
  protected readonly practiceId = routeParam('practiceId');

  protected readonly columns = ['number', 'client', 'dates', 'payer', 'status', 'findings', 'total'];
  protected readonly filters = signal<ClaimFilters>(claimFiltersFrom(this.route.snapshot.queryParamMap));
  protected readonly paging = new ListPaging();
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly rows = signal<ClaimSummaryView[] | null>(null);
  protected readonly counts = signal<ClaimPage['statusCounts']>({});
  protected readonly allCount = computed(() =>
    Object.values(this.counts()).reduce((sum: number, n) => sum + (n ?? 0), 0),
  );
  private readonly payers = signal<Record<string, string>>({});
  protected readonly payerOptions = computed(() =>
    Object.entries(this.payers()).sort((a, b) => a[1].localeCompare(b[1])),
  );
  private seq = 0;

  constructor() {
    const q = this.route.snapshot.queryParamMap;
    this.paging.fromParams({ page: q.get('page'), size: q.get('size') });
    effect(() => {
      const id = this.practiceId();
      if (id) untracked(() => void this.load());
    });
  }

  protected filtered(): boolean {
    return anyFilter(this.filters());
  }

  protected setFilter(key: keyof ClaimFilters, value: string | null): void {
    const v = value ?? '';
    if ((key === 'from' || key === 'to') && v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
    this.filters.update((f) => ({ ...f, [key]: v as ClaimStatus }));
    this.paging.first();
    void this.load();
  }

  protected paged(e: PageEvent): void {
    this.paging.turn(e);
    void this.load();
  }

  protected dates(c: ClaimSummaryView): string {
    return serviceDates(c.serviceFrom, c.serviceTo);
  }

  protected toneOf(c: ClaimSummaryView): ChipTone {
    return this.tones[c.status];
  }

  protected findings(c: ClaimSummaryView): string {
    return findingCount(c.errorCount, c.warningCount);
  }

  private async load(): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...claimParams(this.filters()), ...this.paging.params() },
      replaceUrl: true,
    });
    try {
      const page = await this.api.list(practiceId, {
        ...claimQuery(this.filters()),
        ...this.paging.request(),
      });
      if (mine !== this.seq) return;
      if (this.paging.counted(page.total, page.items.length)) return this.load();
      this.rows.set(page.items);
      this.counts.set(page.statusCounts);
      this.payers.update((all) => {
        const more = { ...all };
        for (const c of page.items) more[c.payerId] = c.payerName;
        return more;
      });
      await this.names.load([practiceId]);
    } catch (e) {
      if (mine === this.seq) this.problem.set(toProblem(e));
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }
}
