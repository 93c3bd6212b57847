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
import type { PageEvent } from '@angular/material/paginator';
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
  DateInputDirective,
  EmptyStateComponent,
  ErrorBannerComponent,
  FieldErrorComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  PaginatorComponent,
  plural,
  provideLiveErrors,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import {
  actionLabel,
  clockTime,
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
import { auditParamsOf, auditQueryOf } from './audit-query';

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

/** The audit log: who read or changed which record, when, with what outcome; filters live in the URL. */
@Component({
  selector: 'cl-audit-page',
  imports: [
    DateInputDirective,
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PaginatorComponent,
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
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  protected readonly plural = plural;
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
  protected readonly paging = new ListPaging();
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
      ...auditParamsOf({
        userId: isUser(v.who) ? v.who.id : '',
        practiceId: isPick(v.practice) ? v.practice.id : '',
        resourceType: v.resourceType,
        action: v.action as AuditAction | '',
        resourceId: v.resourceId,
        from: v.from,
        to: v.to,
      }),
      size: this.paging.params().size,
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
      queryParams: { ...this.paging.params(e) },
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
    const query = auditQueryOf(q);
    const { userId, practiceId } = query.form;
    this.paging.fromParams(q);
    const user = userId
      ? (this.userById().get(userId) ?? ({ id: userId, email: `User ${userId.slice(0, 8)}` } as UserView))
      : null;
    this.form.setValue({
      who: user,
      practice: practiceId ? { id: practiceId, name: this.practiceName(practiceId) } : null,
      resourceType: query.form.resourceType,
      action: query.form.action,
      resourceId: query.form.resourceId,
      from: query.form.from,
      to: query.form.to,
    });
    this.filters = query.filters;
    this.filtered.set(query.filtered);
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
      const page = await this.audit.search(this.filters, this.paging.request());
      if (mine !== this.seq) return;
      if (this.paging.counted(page.total, page.items.length)) {
        // Past the last page (events are never removed, but a size change can land there): go to the last one.
        await this.router.navigate([], {
          relativeTo: this.route,
          queryParams: { ...this.paging.params() },
          queryParamsHandling: 'merge',
          replaceUrl: true,
        });
        return;
      }
      this.rows.set(page.items);
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
