import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { BreakpointObserver } from '@angular/cdk/layout';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import {
  type AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import { AuditApi, PracticeDirectory, UsersApi } from '@claimline/admin-console/data-access-admin';
import {
  AUDIT_ACTIONS,
  AUDIT_RESOURCES,
  type AuditAction,
  type AuditEventView,
  type AuditFilters,
  type UserView,
} from '@claimline/contracts/gateway';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  FieldErrorComponent,
  LoadingComponent,
  PageHeaderComponent,
  StatusChipComponent,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
import {
  actionLabel,
  clockTime,
  dayStart,
  outcome,
  resourceLabel,
  roleLabel,
  shortDay,
  shortId,
  when,
} from '../shared/admin-labels';
import {
  isPick,
  type PracticeChoice,
  PracticeFieldComponent,
  pickedPractice,
} from '../shared/practice-field.component';

type UserChoice = UserView | string | null;
const isUser = (v: unknown): v is UserView =>
  typeof v === 'object' && v !== null && typeof (v as UserView).email === 'string';

/** Typed text in “Who” must become a user picked from the list. */
function pickedUser(control: AbstractControl): ValidationErrors | null {
  const v = control.value as UserChoice;
  return typeof v === 'string' && v.trim() ? { user: 'Pick a user from the list' } : null;
}

/** “To” is a day on or after “From”. */
function notBeforeFrom(control: AbstractControl): ValidationErrors | null {
  const from = control.parent?.get('from')?.value as string | undefined;
  return from && control.value && (control.value as string) < from
    ? { order: 'Must be on or after the “From” day' }
    : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log: who read or changed which record, when, with what outcome; filters live in the URL. */
@Component({
  selector: 'cl-audit-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    FieldErrorComponent,
    StatusChipComponent,
    PracticeFieldComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <div class="cl-page">
      <cl-page-header
        title="Audit log"
        subtitle="Every read and change of a record is recorded here: who, what, which record, when, and whether it was allowed — refused attempts too. Newest first."
      />

      <section aria-labelledby="filters-heading" class="filters">
        <h2 id="filters-heading">Filters</h2>
        <form [formGroup]="form" (ngSubmit)="apply()" novalidate>
          <div class="grid">
            <mat-form-field appearance="outline">
              <mat-label>Who</mat-label>
              <input
                matInput
                type="search"
                autocomplete="off"
                formControlName="who"
                [matAutocomplete]="whoAuto"
                (input)="whoText.set($any($event.target).value)"
                (focus)="whoText.set(textOf(form.controls.who.value))"
              />
              <mat-autocomplete
                #whoAuto="matAutocomplete"
                [displayWith]="displayUser"
                [autoActiveFirstOption]="true"
              >
                @for (u of whoOptions(); track u.id) {
                  <mat-option [value]="u"
                    >{{ u.email }} <small>· {{ roleName(u.role) }}</small></mat-option
                  >
                } @empty {
                  <mat-option disabled>{{ usersLoaded() ? 'No user matches' : 'Loading users…' }}</mat-option>
                }
              </mat-autocomplete>
              <mat-hint>E-mail or name</mat-hint>
              <mat-error><cl-field-error [control]="form.controls.who" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Resource</mat-label>
              <mat-select formControlName="resourceType">
                <mat-option value="">Any resource</mat-option>
                @for (r of resources; track r) {
                  <mat-option [value]="r">{{ resourceName(r) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Action</mat-label>
              <mat-select formControlName="action">
                <mat-option value="">Any action</mat-option>
                @for (a of actions; track a) {
                  <mat-option [value]="a">{{ actionName(a) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Record id</mat-label>
              <input matInput formControlName="resourceId" autocomplete="off" />
              <mat-hint>The exact id of one record</mat-hint>
              <mat-error><cl-field-error [control]="form.controls.resourceId" /></mat-error>
            </mat-form-field>
            <cl-practice-field
              [control]="form.controls.practice"
              label="Practice"
              hint="Type the start of its name"
            />
            <mat-form-field appearance="outline">
              <mat-label>From</mat-label>
              <input matInput type="date" formControlName="from" />
              <mat-hint>First day included</mat-hint>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>To</mat-label>
              <input matInput type="date" formControlName="to" />
              <mat-hint>Last day included</mat-hint>
              <mat-error><cl-field-error [control]="form.controls.to" /></mat-error>
            </mat-form-field>
          </div>
          <div class="cl-actions">
            <button mat-flat-button type="submit">Apply filters</button>
            <button mat-stroked-button type="button" (click)="clear()" [disabled]="!filtered()">
              Clear filters
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="events-heading">
        <div class="results-head">
          <h2 id="events-heading">Events</h2>
          @if (!loading()) {
            <span class="count" role="status"
              >{{ total() }} {{ total() === 1 ? 'event' : 'events'
              }}{{ filtered() ? ' match the filters' : '' }}</span
            >
          }
        </div>

        @if (problem(); as p) {
          <cl-error-banner [problem]="p" [extra]="problemFields()" />
          <button mat-stroked-button type="button" (click)="reload()">Try again</button>
        }
        @if (loading()) {
          <cl-loading label="Loading audit events…" />
        }
        @if (!loading() && !problem() && rows().length === 0) {
          <cl-empty [title]="filtered() ? 'No events match these filters' : 'Nothing recorded yet'">
            <p>
              {{
                filtered()
                  ? 'Widen the date range or clear a filter.'
                  : 'Events appear as soon as anyone opens or changes a record.'
              }}
            </p>
          </cl-empty>
        }

        @if (rows().length) {
          <div class="table-wrap">
            <table mat-table [dataSource]="rows()" multiTemplateDataRows class="events">
              <ng-container matColumnDef="at">
                <th mat-header-cell *matHeaderCellDef scope="col">Time</th>
                <td mat-cell *matCellDef="let e" class="nowrap">
                  {{ day(e.at) }}
                  <span class="sub">{{ clock(e.at) }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="who">
                <th mat-header-cell *matHeaderCellDef scope="col">Who</th>
                <td mat-cell *matCellDef="let e">
                  <span class="who">{{ who(e.userId) }}</span>
                  @if (e.role) {
                    <span class="sub">{{ roleName(e.role) }}</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="action">
                <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
                <td mat-cell *matCellDef="let e">{{ actionName(e.action) }}</td>
              </ng-container>
              <ng-container matColumnDef="resource">
                <th mat-header-cell *matHeaderCellDef scope="col">Resource</th>
                <td mat-cell *matCellDef="let e">
                  {{ resourceName(e.resourceType) }}
                  <span class="sub" [class.mono]="e.resourceId" [attr.title]="e.resourceId">{{
                    e.resourceId ? 'id ' + short(e.resourceId) : 'no single record'
                  }}</span>
                  @if (subjectUser(e); as email) {
                    <span class="sub subject">{{ email }}</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="practice">
                <th mat-header-cell *matHeaderCellDef scope="col">Practice</th>
                <td mat-cell *matCellDef="let e">{{ e.practiceId ? practiceName(e.practiceId) : '—' }}</td>
              </ng-container>
              <ng-container matColumnDef="outcome">
                <th mat-header-cell *matHeaderCellDef scope="col">Outcome</th>
                <td mat-cell *matCellDef="let e">
                  <cl-status-chip [label]="outcomeOf(e.status).label" [tone]="outcomeOf(e.status).tone" />
                </td>
              </ng-container>
              <ng-container matColumnDef="request">
                <th mat-header-cell *matHeaderCellDef scope="col">Request id</th>
                <td mat-cell *matCellDef="let e" class="mono" [attr.title]="e.requestId">
                  {{ short(e.requestId) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="more">
                <th mat-header-cell *matHeaderCellDef scope="col">
                  <span class="cl-visually-hidden">Details</span>
                </th>
                <td mat-cell *matCellDef="let e">
                  <button
                    mat-button
                    type="button"
                    (click)="toggle(e.id)"
                    [attr.aria-expanded]="expanded() === e.id"
                    [attr.aria-controls]="'audit-detail-' + e.id"
                  >
                    {{ expanded() === e.id ? 'Hide' : 'Details' }}
                  </button>
                </td>
              </ng-container>
              <ng-container matColumnDef="detail">
                <td
                  mat-cell
                  *matCellDef="let e"
                  [attr.colspan]="columns().length"
                  [id]="'audit-detail-' + e.id"
                >
                  @if (expanded() === e.id) {
                    <dl class="detail">
                      <dt>Time</dt>
                      <dd>{{ time(e.at) }} ({{ e.at }})</dd>
                      <dt>User id</dt>
                      <dd class="mono">{{ e.userId ?? 'not signed in' }}</dd>
                      <dt>Record id</dt>
                      <dd class="mono">{{ e.resourceId ?? '—' }}</dd>
                      <dt>Practice</dt>
                      <dd>{{ e.practiceId ? practiceName(e.practiceId) : '—' }}</dd>
                      <dt>Practice id</dt>
                      <dd class="mono">{{ e.practiceId ?? '—' }}</dd>
                      <dt>Request id</dt>
                      <dd class="mono">{{ e.requestId ?? '—' }}</dd>
                      <dt>HTTP status</dt>
                      <dd>{{ e.status }}</dd>
                      <dt>Address</dt>
                      <dd class="mono">{{ e.ip ?? '—' }}</dd>
                    </dl>
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns()"></tr>
              <tr
                mat-row
                *matRowDef="let e; columns: columns()"
                class="event-row"
                [class.expanded]="expanded() === e.id"
              ></tr>
              <tr
                mat-row
                *matRowDef="let e; columns: ['detail']"
                class="detail-row"
                [class.open]="expanded() === e.id"
              ></tr>
            </table>
          </div>
          <mat-paginator
            [length]="total()"
            [pageSize]="limit()"
            [pageIndex]="pageIndex()"
            [pageSizeOptions]="[25, 50, 100, 200]"
            (page)="onPage($event)"
            aria-label="Pages of audit events"
          />
        }
      </section>
    </div>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .filters {
      margin-bottom: 24px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 16px;
    }
    .results-head {
      display: flex;
      align-items: baseline;
      gap: 16px;
      flex-wrap: wrap;
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
    }
    .nowrap {
      white-space: nowrap;
    }
    .who {
      overflow-wrap: anywhere;
    }
    td.mat-column-who {
      min-width: 150px;
    }
    .mat-mdc-cell,
    .mat-mdc-header-cell {
      padding: 0 8px;
    }
    .mat-mdc-cell:first-child,
    .mat-mdc-header-cell:first-child {
      padding-left: 16px;
    }
    form .cl-actions {
      margin-top: 12px;
    }
    .sub {
      display: block;
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .subject {
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 12px;
    }
    tr.detail-row {
      height: 0;
    }
    tr.detail-row:not(.open) {
      display: none;
    }
    tr.event-row.expanded td {
      border-bottom-width: 0;
    }
    .detail {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 8px 0 12px;
    }
    .detail dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .detail dd {
      margin: 0;
      word-break: break-all;
    }
    cl-loading {
      display: block;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly audit = inject(AuditApi);
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly resources = AUDIT_RESOURCES;
  protected readonly actions = AUDIT_ACTIONS;
  /** Below 1100 px the practice and request id move into each row's details. */
  private readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1100px)')
      .pipe(map((r) => r.matches)),
    {
      initialValue: false,
    },
  );
  protected readonly columns = computed(() =>
    this.narrow()
      ? ['at', 'who', 'action', 'resource', 'outcome', 'more']
      : ['at', 'who', 'action', 'resource', 'practice', 'outcome', 'request', 'more'],
  );
  protected readonly form = this.fb.group({
    who: this.fb.control<UserChoice>(null, pickedUser),
    resourceType: [''],
    action: [''],
    resourceId: ['', Validators.maxLength(100)],
    practice: this.fb.control<PracticeChoice>(null, pickedPractice(false)),
    from: [''],
    to: ['', notBeforeFrom],
  });

  private readonly allUsers = signal<UserView[]>([]);
  protected readonly usersLoaded = signal(false);
  protected readonly whoText = signal('');
  protected readonly whoOptions = computed(() => {
    const text = this.whoText().trim().toLowerCase();
    const list = this.allUsers();
    return (
      text ? list.filter((u) => u.email.includes(text) || u.displayName.toLowerCase().includes(text)) : list
    ).slice(0, 20);
  });
  private readonly userById = computed(() => new Map(this.allUsers().map((u) => [u.id, u])));

  protected readonly rows = signal<AuditEventView[]>([]);
  protected readonly total = signal(0);
  protected readonly limit = signal(50);
  protected readonly pageIndex = signal(0);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly problemFields = computed(
    () => this.problem()?.errors.map((e) => `${e.field}: ${e.message}`) ?? [],
  );
  protected readonly filtered = signal(false);
  protected readonly expanded = signal<string | null>(null);
  private filters: AuditFilters = {};
  private seq = 0;

  protected readonly displayUser = (v: UserChoice): string => (isUser(v) ? v.email : (v ?? ''));
  protected textOf(v: UserChoice): string {
    return typeof v === 'string' ? v : '';
  }
  protected readonly time = when;
  protected readonly day = shortDay;
  protected readonly clock = clockTime;
  protected readonly short = shortId;
  protected readonly roleName = roleLabel;
  protected readonly actionName = actionLabel;
  protected readonly resourceName = resourceLabel;
  protected readonly outcomeOf = outcome;

  ngOnInit(): void {
    this.form.controls.from.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.form.controls.to.updateValueAndValidity());
    void this.loadUsers();
    this.route.queryParams
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((params) => void this.fromUrl(params));
  }

  protected who(userId: string | null): string {
    if (!userId) return 'Not signed in';
    return this.userById().get(userId)?.email ?? `User ${userId.slice(0, 8)}`;
  }

  /** The account a user record (or a staff member's practices) is about, by e-mail. */
  protected subjectUser(e: AuditEventView): string | null {
    if (!e.resourceId || (e.resourceType !== 'user' && e.resourceType !== 'user_practices')) return null;
    return this.userById().get(e.resourceId)?.email ?? null;
  }

  protected practiceName(id: string): string {
    return this.directory.name(id) ?? `Practice ${id.slice(0, 8)}`;
  }

  protected toggle(id: string): void {
    this.expanded.set(this.expanded() === id ? null : id);
  }

  /** Puts the form's filters in the URL; the URL drives what is loaded (shareable, back button works). */
  async apply(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const params: Params = {
      who: isUser(v.who) ? v.who.id : null,
      practice: isPick(v.practice) ? v.practice.id : null,
      resource: v.resourceType || null,
      id: v.resourceId.trim() || null,
      action: v.action || null,
      from: v.from || null,
      to: v.to || null,
      size: this.limit() === 50 ? null : this.limit(),
    };
    if (isPick(v.practice)) this.directory.remember([v.practice]);
    const target = this.router.createUrlTree([], { relativeTo: this.route, queryParams: params });
    // The same filters again: the router would ignore the navigation, so load afresh here.
    if (this.router.serializeUrl(target) === this.router.url) return this.load();
    await this.router.navigateByUrl(target);
  }

  async clear(): Promise<void> {
    this.form.reset();
    await this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected async onPage(e: PageEvent): Promise<void> {
    await this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        page: e.pageIndex ? e.pageIndex + 1 : null,
        size: e.pageSize === 50 ? null : e.pageSize,
      },
      queryParamsHandling: 'merge',
    });
  }

  reload(): void {
    void this.load();
  }

  private async loadUsers(): Promise<void> {
    const list = await this.users.all().catch(() => []);
    this.allUsers.set(list);
    this.usersLoaded.set(true);
    // A user id that came in the URL before the list: show their e-mail in the field.
    const who = this.form.controls.who.value;
    if (isUser(who)) {
      const found = list.find((u) => u.id === who.id);
      if (found) this.form.controls.who.setValue(found);
    }
  }

  private async fromUrl(q: Params): Promise<void> {
    const str = (key: string): string => (typeof q[key] === 'string' ? (q[key] as string) : '');
    const userId = str('who');
    const practiceId = str('practice');
    const action = str('action');
    const from = DAY.test(str('from')) ? str('from') : '';
    const to = DAY.test(str('to')) ? str('to') : '';
    const size = Number(str('size')) || 50;
    const page = Math.max(1, Number(str('page')) || 1);
    this.limit.set([25, 50, 100, 200].includes(size) ? size : 50);
    this.pageIndex.set(page - 1);
    const user = userId
      ? (this.userById().get(userId) ?? ({ id: userId, email: `User ${userId.slice(0, 8)}` } as UserView))
      : null;
    this.form.setValue({
      who: user,
      practice: practiceId ? { id: practiceId, name: this.practiceName(practiceId) } : null,
      resourceType: str('resource'),
      action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : '',
      resourceId: str('id'),
      from,
      to,
    });
    this.filters = {
      userId: userId || undefined,
      practiceId: practiceId || undefined,
      resourceType: str('resource') || undefined,
      resourceId: str('id') || undefined,
      action: (action || undefined) as AuditAction | undefined,
      from: dayStart(from) ?? undefined,
      to: dayStart(to, 1) ?? undefined,
    };
    this.filtered.set(Object.values(this.filters).some((x) => x !== undefined));
    if (practiceId && !this.directory.name(practiceId)) {
      void this.directory.resolve([practiceId]).then(() => {
        const current = this.form.controls.practice.value;
        if (isPick(current) && current.id === practiceId)
          this.form.controls.practice.setValue({ id: practiceId, name: this.practiceName(practiceId) });
      });
    }
    await this.load();
  }

  private async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    this.expanded.set(null);
    try {
      const page = await this.audit.search(this.filters, {
        limit: this.limit(),
        offset: this.pageIndex() * this.limit(),
      });
      if (mine !== this.seq) return;
      this.rows.set(page.items);
      this.total.set(page.total);
      void this.directory.resolve(page.items.map((e) => e.practiceId));
    } catch (e) {
      if (mine === this.seq) {
        this.rows.set([]);
        this.problem.set(toProblem(e));
      }
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }
}
