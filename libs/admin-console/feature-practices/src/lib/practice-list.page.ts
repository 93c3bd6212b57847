import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, type ParamMap, Router, RouterLink } from '@angular/router';
import { debounceTime, map } from 'rxjs';
import { type ApiProblem, AuthService, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticesApi } from '@claimline/admin-console/data-access-practices';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  type PageParams,
  PaginatorComponent,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import type {
  PracticeReadiness,
  PracticeType,
  PracticeView,
  ReadinessFilter,
} from '@claimline/contracts/practice-settings';
import { missingSummary, percentDone } from './readiness-words';

type RowReadiness = { state: 'loading' } | { state: 'error' } | { state: 'ok'; readiness: PracticeReadiness };

interface Query {
  search: string;
  type: PracticeType | '';
  readiness: ReadinessFilter | '';
}

const PAGE_SIZES = [10, 25, 50];
const asType = (v: string | null): PracticeType | '' => (v === 'solo' || v === 'group' ? v : '');
const asReadiness = (v: string | null): ReadinessFilter | '' =>
  v === 'complete' || v === 'incomplete' ? v : '';

function queryOf(q: ParamMap): Query {
  return {
    search: (q.get('search') ?? '').trim(),
    type: asType(q.get('type')),
    readiness: asReadiness(q.get('readiness')),
  };
}

const sameQuery = (a: Query, b: Query) =>
  a.search === b.search && a.type === b.type && a.readiness === b.readiness;

/** Every practice the user works for, with how far each is from being ready to bill. */
@Component({
  selector: 'cl-practice-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatSortModule,
    PaginatorComponent,
    MatProgressBarModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header
        title="Practices"
        subtitle="The practices you work for, and what each still needs before claims can go out"
      >
        @if (canCreate()) {
          <a mat-flat-button routerLink="new">New practice</a>
        }
      </cl-page-header>

      <form
        class="filters"
        [formGroup]="filters"
        role="search"
        aria-label="Filter practices"
        (submit)="$event.preventDefault()"
      >
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
          <mat-label>Search by name</mat-label>
          <input matInput type="search" formControlName="search" autocomplete="off" />
          <mat-hint>Matches the start of the name</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Type</mat-label>
          <mat-select formControlName="type">
            <mat-option value="">Any type</mat-option>
            <mat-option value="solo">Solo</mat-option>
            <mat-option value="group">Group</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Readiness</mat-label>
          <mat-select formControlName="readiness">
            <mat-option value="">Any readiness</mat-option>
            <mat-option value="complete">Settings complete</mat-option>
            <mat-option value="incomplete">Settings incomplete</mat-option>
          </mat-select>
          <mat-hint>Practice settings’ own items</mat-hint>
        </mat-form-field>
      </form>

      <cl-error-banner [problem]="problem()" />
      @if (problem()) {
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      }

      <div class="table-wrap" [attr.aria-busy]="loading()">
        @if (loading()) {
          <cl-loading label="Loading practices…" />
        }
        @if (rows().length) {
          <table
            mat-table
            [dataSource]="rows()"
            matSort
            (matSortChange)="sort.set($event)"
            [matSortActive]="sort().active"
            [matSortDirection]="sort().direction"
            aria-label="Practices"
          >
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Sort by name">
                Practice
              </th>
              <td mat-cell *matCellDef="let p">
                <a [routerLink]="[p.id]" class="name">{{ p.name }}</a>
                @if (p.legalName && p.legalName !== p.name) {
                  <span class="muted legal"> · {{ p.legalName }}</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="type">
              <th mat-header-cell *matHeaderCellDef>Type</th>
              <td mat-cell *matCellDef="let p">
                <cl-status-chip [label]="p.type === 'solo' ? 'Solo' : 'Group'" />
              </td>
            </ng-container>
            <ng-container matColumnDef="readiness">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Sort by readiness">
                Readiness
              </th>
              <td mat-cell *matCellDef="let p" class="readiness-cell">
                @switch (readinessOf(p.id).state) {
                  @case ('ok') {
                    @let r = okReadiness(p.id)!;
                    <!-- One line per practice (a billing team scans dozens): figure, bar, what is missing. -->
                    <div class="figure">
                      <span data-testid="row-readiness">{{ r.done }} of {{ r.total }} done</span>
                      <mat-progress-bar
                        mode="determinate"
                        [value]="percent(r)"
                        [attr.aria-label]="
                          'Readiness of ' + p.name + ': ' + r.done + ' of ' + r.total + ' done'
                        "
                      />
                      @if (r.complete) {
                        <cl-status-chip label="Ready to bill" tone="success" />
                      } @else {
                        <span class="muted missing" [title]="'Missing: ' + summary(r)"
                          >Missing: {{ summary(r) }}</span
                        >
                      }
                    </div>
                  }
                  @case ('loading') {
                    <span class="muted">Checking…</span>
                  }
                  @default {
                    <span class="muted">Could not check readiness</span>
                  }
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
          @if (paging.limit() < paging.total() && sort().direction) {
            <p class="muted note">
              Sorting orders the practices on this page; the pages themselves go by name.
            </p>
          }
        } @else if (!loading() && !problem()) {
          @if (filtered()) {
            <cl-empty title="No practice matches these filters">
              <p>Search looks at the start of the name. Clear a filter or try fewer letters.</p>
              <button mat-stroked-button type="button" (click)="clearFilters()">Clear filters</button>
            </cl-empty>
          } @else {
            <cl-empty title="No practices yet">
              @if (canCreate()) {
                <p>Add the first practice you bill for: its setup checklist guides you from there.</p>
                <a mat-flat-button routerLink="new">New practice</a>
              } @else {
                <p>No practice is assigned to you yet. Ask an administrator.</p>
              }
            </cl-empty>
          }
        }
      </div>

      <cl-paginator
        [class.hidden]="!paging.total()"
        [paging]="paging"
        label="Pages of practices"
        (page)="onPage($event)"
      />
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      align-items: flex-start;
      margin-bottom: 16px;
    }
    .filters mat-form-field {
      width: 200px;
    }
    .filters .search {
      flex: 1 1 260px;
      max-width: 420px;
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      min-height: 4px;
    }
    table {
      width: 100%;
      --mat-table-row-item-container-height: 40px;
    }
    td.mat-mdc-cell {
      padding-top: 4px;
      padding-bottom: 4px;
    }
    .name {
      font-weight: 600;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .readiness-cell {
      min-width: 260px;
    }
    .figure {
      display: flex;
      gap: 12px;
      align-items: center;
      white-space: nowrap;
    }
    .figure mat-progress-bar {
      flex: 0 0 96px;
    }
    .missing {
      overflow: hidden;
      text-overflow: ellipsis;
      max-width: 360px;
    }
    .note {
      margin: 8px 16px;
    }
    .mat-column-name {
      min-width: 200px;
      width: 35%;
    }
    .mat-column-type {
      width: 90px;
    }
    .hidden {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeListPage {
  private readonly api = inject(PracticesApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly columns = ['name', 'type', 'readiness'];
  protected readonly canCreate = computed(
    () => this.auth.role() === 'admin' || this.auth.role() === 'billing_staff',
  );

  protected readonly query = signal<Query>(queryOf(this.route.snapshot.queryParamMap));
  protected readonly filters = inject(NonNullableFormBuilder).group({
    search: this.query().search,
    type: this.query().type as string,
    readiness: this.query().readiness as string,
  });
  protected readonly paging = new ListPaging(PAGE_SIZES, PAGE_SIZES[0]);
  protected readonly items = signal<PracticeView[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly readiness = signal<ReadonlyMap<string, RowReadiness>>(new Map());
  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly filtered = computed(
    () => !!(this.query().search || this.query().type || this.query().readiness),
  );

  /** The page's practices in the chosen order (the API pages by name). */
  protected readonly rows = computed(() => {
    const { active, direction } = this.sort();
    const items = [...this.items()];
    if (!direction) return items;
    const sign = direction === 'asc' ? 1 : -1;
    if (active === 'name')
      return items.sort((a, b) => sign * a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    if (active === 'readiness') {
      // Unknown readiness (still loading, or failed) goes last either way.
      const score = (p: PracticeView) => {
        const r = this.okReadiness(p.id);
        return r ? r.done / Math.max(r.total, 1) : null;
      };
      return items.sort((a, b) => {
        const sa = score(a);
        const sb = score(b);
        if (sa === null || sb === null) return sa === sb ? 0 : sa === null ? 1 : -1;
        return sign * (sa - sb) || a.name.localeCompare(b.name);
      });
    }
    return items;
  });

  private seq = 0;

  constructor() {
    const destroyRef = inject(DestroyRef);
    const c = this.filters.controls;
    c.search.valueChanges
      .pipe(
        map((v) => v.trim()),
        debounceTime(300),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((search) => this.change({ search }));
    c.type.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((v) => this.change({ type: asType(v) }));
    c.readiness.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((v) => this.change({ readiness: asReadiness(v) }));
    // The address holds the filters and the page: a reload, a shared link or the "Practices"
    // link in the navigation (which clears them) all land here.
    this.route.queryParamMap.pipe(takeUntilDestroyed(destroyRef)).subscribe((params) => this.fromUrl(params));
  }

  protected readinessOf(id: string): RowReadiness {
    return this.readiness().get(id) ?? { state: 'loading' };
  }

  protected okReadiness(id: string): PracticeReadiness | null {
    const r = this.readiness().get(id);
    return r?.state === 'ok' ? r.readiness : null;
  }

  protected percent(r: PracticeReadiness): number {
    return percentDone(r);
  }

  protected summary(r: PracticeReadiness): string {
    return missingSummary(r);
  }

  protected onPage(e: PageEvent): void {
    this.change({}, this.paging.params(e));
  }

  protected clearFilters(): void {
    this.change({ search: '', type: '', readiness: '' });
  }

  /**
   * Applies a filter or page change through the address: a new filter starts again at the first
   * page (keeping the page size); `page` names another page.
   */
  private change(patch: Partial<Query>, page?: PageParams): void {
    const next = { ...this.query(), ...patch };
    if (!page && sameQuery(next, this.query())) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: {
        search: next.search || null,
        type: next.type || null,
        readiness: next.readiness || null,
        ...(page ?? { page: null, size: this.paging.params().size }),
      },
    });
  }

  private fromUrl(params: ParamMap): void {
    const q = queryOf(params);
    const { limit, offset } = this.paging.request();
    this.paging.fromParams({ page: params.get('page'), size: params.get('size') });
    const samePage = limit === this.paging.limit() && offset === this.paging.offset();
    if (this.seq > 0 && sameQuery(q, this.query()) && samePage) return;
    this.query.set(q);
    const c = this.filters.controls;
    // Leave the search box alone while its text means the same (the user may be typing).
    if (c.search.value.trim() !== q.search) c.search.setValue(q.search, { emitEvent: false });
    c.type.setValue(q.type, { emitEvent: false });
    c.readiness.setValue(q.readiness, { emitEvent: false });
    void this.load();
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    const q = this.query();
    this.loading.set(true);
    this.problem.set(null);
    try {
      const page = await this.api.list({
        search: q.search || undefined,
        type: q.type || undefined,
        readiness: q.readiness || undefined,
        ...this.paging.request(),
      });
      if (mine !== this.seq) return; // a later filter won
      if (this.paging.counted(page.total, page.items.length)) {
        // The page emptied under us (fewer practices now): show the last one, and say so in the address.
        this.change({}, this.paging.params());
        return this.load();
      }
      this.items.set(page.items);
      this.readiness.set(new Map(page.items.map((p) => [p.id, { state: 'loading' } as RowReadiness])));
      this.loading.set(false);
      await this.loadReadiness(mine, page.items);
    } catch (e) {
      if (mine !== this.seq) return;
      this.problem.set(toProblem(e));
      this.items.set([]);
      this.paging.total.set(0);
      this.loading.set(false);
    }
  }

  /** One readiness request per row, all in flight together; each row fills in as it answers. */
  private async loadReadiness(mine: number, items: PracticeView[]): Promise<void> {
    await Promise.all(
      items.map(async (p) => {
        const state: RowReadiness = await this.api
          .readiness(p.id)
          .then((readiness) => ({ state: 'ok' as const, readiness }))
          .catch(() => ({ state: 'error' as const }));
        if (mine !== this.seq) return;
        this.readiness.update((m) => new Map(m).set(p.id, state));
      }),
    );
  }
}
