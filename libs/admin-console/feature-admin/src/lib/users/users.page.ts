import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { Role } from '@claimline/contracts/common';
import { type ApiProblem, AuthService, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticeDirectory, UsersApi } from '@claimline/admin-console/data-access-admin';
import { isPracticeRole, type UserView } from '@claimline/contracts/gateway';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
  StatusChipComponent,
  confirm,
  type ConfirmData,
} from '@claimline/admin-console/ui-common';
import { ROLE_OPTIONS, roleLabel } from '../shared/admin-labels';
import { AssignPracticesDialog } from './assign-practices.dialog';
import { CreateUserDialog, type CreateUserResult } from './create-user.dialog';
import { EditUserDialog, type EditUserResult } from './edit-user.dialog';

const DIALOG = { width: '560px', maxWidth: '95vw', autoFocus: 'first-tabbable' as const };

/** Users and roles: who may sign in, as what, for which practices. */
@Component({
  selector: 'cl-users-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    MatPaginatorModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header
        title="Users and roles"
        subtitle="Who can sign in to Claimline, with which role, and for which practices."
      >
        <button mat-flat-button type="button" (click)="create()">New user</button>
      </cl-page-header>

      <div class="toolbar">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="role-filter">
          <mat-label>Role</mat-label>
          <mat-select [value]="role() ?? ''" (selectionChange)="filterRole($event.value || null)">
            <mat-option value="">All roles</mat-option>
            @for (r of roles; track r.value) {
              <mat-option [value]="r.value">{{ r.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (!loading()) {
          <span class="count" role="status">{{ total() }} {{ total() === 1 ? 'user' : 'users' }}</span>
        }
      </div>

      @if (problem(); as p) {
        <cl-error-banner [problem]="p" />
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      }

      @if (loading()) {
        <cl-loading label="Loading users…" />
      }

      @if (!loading() && !problem() && rows().length === 0) {
        <cl-empty [title]="role() ? 'No ' + roleName(role()).toLowerCase() + ' accounts' : 'No users yet'">
          <p>
            Create an account with “New user”; people sign in with its e-mail and the first password you give
            them.
          </p>
        </cl-empty>
      }

      @if (rows().length) {
        <section aria-labelledby="users-heading">
          <h2 id="users-heading" class="cl-visually-hidden">User list</h2>
          <div class="table-wrap">
            <table mat-table [dataSource]="rows()" class="users">
              <ng-container matColumnDef="user">
                <th mat-header-cell *matHeaderCellDef scope="col">User</th>
                <td mat-cell *matCellDef="let u" class="user">
                  <span class="email">{{ u.email }}</span>
                  @if (u.id === me()) {
                    <span class="you">(you)</span>
                  }
                  <span class="name">{{ u.displayName || 'No name' }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="role">
                <th mat-header-cell *matHeaderCellDef scope="col">Role</th>
                <td mat-cell *matCellDef="let u">{{ roleName(u.role) }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
                <td mat-cell *matCellDef="let u">
                  <cl-status-chip
                    [label]="u.active ? 'Active' : 'Deactivated'"
                    [tone]="u.active ? 'success' : 'neutral'"
                  />
                </td>
              </ng-container>
              <ng-container matColumnDef="practices">
                <th mat-header-cell *matHeaderCellDef scope="col">Practices</th>
                <td mat-cell *matCellDef="let u">
                  @switch (u.role) {
                    @case ('admin') {
                      <span class="muted">All practices</span>
                    }
                    @case ('billing_staff') {
                      @let ids = u.practiceIds ?? [];
                      @for (id of ids.slice(0, shownPractices); track id; let last = $last) {
                        <a [routerLink]="['/practices', id]">{{ practiceName(id) }}</a>{{ last ? '' : ', ' }}
                      } @empty {
                        <span class="muted">None assigned</span>
                      }
                      @if (ids.length > shownPractices) {
                        <span class="more">and {{ ids.length - shownPractices }} more</span>
                      }
                    }
                    @default {
                      @if (u.practiceId) {
                        <a [routerLink]="['/practices', u.practiceId]">{{ practiceName(u.practiceId) }}</a>
                      } @else {
                        <span class="muted">None</span>
                      }
                    }
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef scope="col">
                  <span class="cl-visually-hidden">Actions</span>
                </th>
                <td mat-cell *matCellDef="let u" class="actions">
                  <div class="buttons">
                    <button mat-button type="button" (click)="edit(u)" [attr.aria-label]="'Edit ' + u.email">
                      Edit
                    </button>
                    @if (u.role === 'billing_staff') {
                      <button
                        mat-button
                        type="button"
                        (click)="assign(u)"
                        [attr.aria-label]="'Set practices of ' + u.email"
                      >
                        Set practices
                      </button>
                    }
                    @if (u.id !== me()) {
                      @if (u.active) {
                        <button
                          mat-button
                          type="button"
                          class="danger"
                          (click)="deactivate(u)"
                          [disabled]="busyId() === u.id"
                          [attr.aria-label]="'Deactivate ' + u.email"
                        >
                          Deactivate
                        </button>
                      } @else {
                        <button
                          mat-button
                          type="button"
                          (click)="reactivate(u)"
                          [disabled]="busyId() === u.id"
                          [attr.aria-label]="'Reactivate ' + u.email"
                        >
                          Reactivate
                        </button>
                      }
                    }
                  </div>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr
                mat-row
                *matRowDef="let u; columns: columns"
                [class.inactive]="!u.active"
                [attr.data-user]="u.email"
              ></tr>
            </table>
          </div>
          <mat-paginator
            [length]="total()"
            [pageSize]="limit()"
            [pageIndex]="pageIndex()"
            [pageSizeOptions]="[25, 50, 100, 200]"
            (page)="onPage($event)"
            aria-label="Pages of users"
          />
        </section>
      }
    </div>
  `,
  styles: `
    .toolbar {
      display: flex;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
      margin-bottom: 16px;
    }
    .role-filter {
      width: 220px;
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
      min-width: 680px;
    }
    .user {
      min-width: 200px;
    }
    .email {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .name {
      display: block;
      font-size: 13px;
    }
    .you,
    .muted,
    .name {
      color: var(--mat-sys-on-surface-variant);
    }
    .more {
      display: block;
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
    .you {
      margin-left: 4px;
      font-size: 12px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
    }
    td.mat-column-practices {
      max-width: 280px;
    }
    /* Wide enough for Edit, Set practices and Deactivate on one line; they wrap below that. */
    @media (min-width: 1200px) {
      td.actions {
        min-width: 320px;
      }
    }
    .danger {
      color: var(--mat-sys-error);
    }
    tr.inactive td {
      color: var(--mat-sys-on-surface-variant);
    }
    cl-loading {
      display: block;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage implements OnInit {
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly roles = ROLE_OPTIONS;
  protected readonly columns = ['user', 'role', 'status', 'practices', 'actions'];
  /** Billing staff's practices named in the table; “Set practices” shows them all. */
  protected readonly shownPractices = 3;

  protected readonly role = signal<Role | null>(null);
  protected readonly limit = signal(50);
  protected readonly offset = signal(0);
  protected readonly pageIndex = computed(() => Math.floor(this.offset() / this.limit()));
  protected readonly rows = signal<UserView[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly busyId = signal<string | null>(null);
  private seq = 0;

  ngOnInit(): void {
    void this.load();
  }

  protected roleName(role: string | null): string {
    return roleLabel(role);
  }

  protected practiceName(id: string): string {
    return this.directory.name(id) ?? 'Practice ' + id.slice(0, 8);
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const page = await this.users.list({ limit: this.limit(), offset: this.offset() }, this.role());
      if (mine !== this.seq) return;
      this.rows.set(page.items);
      this.total.set(page.total);
      void this.directory.resolve(this.practicesShown(page.items));
    } catch (e) {
      if (mine === this.seq) this.problem.set(toProblem(e));
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }

  /** The practice ids the table names: a practice role's practice, billing staff's first few. */
  private practicesShown(users: UserView[]): string[] {
    return users.flatMap((u) =>
      isPracticeRole(u.role) && u.practiceId
        ? [u.practiceId]
        : (u.practiceIds ?? []).slice(0, this.shownPractices),
    );
  }

  protected filterRole(role: Role | null): void {
    this.role.set(role);
    this.offset.set(0);
    void this.load();
  }

  protected onPage(e: PageEvent): void {
    this.limit.set(e.pageSize);
    this.offset.set(e.pageIndex * e.pageSize);
    void this.load();
  }

  async create(): Promise<void> {
    const ref = this.dialog.open<CreateUserDialog, void, CreateUserResult>(CreateUserDialog, DIALOG);
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    const { user, assignError } = result;
    this.snack.open(
      assignError
        ? `Created ${user.email}, but their practices were not saved: ${assignError} Use “Set practices” to try again.`
        : `Created ${user.email} (${roleLabel(user.role)}).`,
      'Close',
      { duration: assignError ? 12_000 : 6000 },
    );
    await this.load();
    // Sorted by e-mail, the new account may be on another page: show it at the top meanwhile.
    const shown = this.rows().some((u) => u.id === user.id);
    if (!shown && (!this.role() || this.role() === user.role)) this.rows.set([user, ...this.rows()]);
    void this.directory.resolve(this.practicesShown([user]));
  }

  async edit(user: UserView): Promise<void> {
    const ref = this.dialog.open<EditUserDialog, UserView, EditUserResult>(EditUserDialog, {
      ...DIALOG,
      data: user,
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    const { user: updated, roleChanged, assignError } = result;
    this.replace(updated);
    void this.directory.resolve(this.practicesShown([updated]));
    let message = roleChanged
      ? `Saved ${updated.email}: now ${roleLabel(updated.role)}, signed out everywhere.`
      : `Saved ${updated.email}.`;
    if (assignError)
      message += ` Their practices were not saved: ${assignError} Use “Set practices” to try again.`;
    this.snack.open(message, 'Close', { duration: assignError ? 12_000 : 6000 });
    // With a role filter on, an account that changed role leaves the list.
    if (roleChanged && this.role() && this.role() !== updated.role) await this.load();
  }

  async assign(user: UserView): Promise<void> {
    const ref = this.dialog.open<AssignPracticesDialog, UserView, string[]>(AssignPracticesDialog, {
      ...DIALOG,
      data: user,
    });
    const ids = await firstValueFrom(ref.afterClosed());
    if (!ids) return;
    this.replace({ ...user, practiceIds: ids });
    void this.directory.resolve(ids.slice(0, this.shownPractices));
    this.snack.open(
      `${user.email} now works on ${ids.length} ${ids.length === 1 ? 'practice' : 'practices'}.`,
      'Close',
      { duration: 5000 },
    );
  }

  async deactivate(user: UserView): Promise<void> {
    const data: ConfirmData = {
      title: `Deactivate ${user.email}?`,
      message: `${user.displayName || user.email} is signed out everywhere at once and can no longer sign in. Their records and audit history stay. You can reactivate the account later.`,
      confirm: 'Deactivate',
      danger: true,
    };
    if (!(await confirm(this.dialog, data))) return;
    await this.setActive(user, false);
  }

  async reactivate(user: UserView): Promise<void> {
    await this.setActive(user, true);
  }

  private async setActive(user: UserView, active: boolean): Promise<void> {
    this.busyId.set(user.id);
    try {
      const updated = await this.users.update(user.id, { active });
      this.replace(updated);
      this.snack.open(
        active
          ? `Reactivated ${user.email}: they can sign in again.`
          : `Deactivated ${user.email}: they can no longer sign in.`,
        'Close',
        {
          duration: 6000,
        },
      );
    } catch (e) {
      this.snack.open(
        `${active ? 'Reactivating' : 'Deactivating'} ${user.email} failed: ${toProblem(e).detail}`,
        'Close',
        { duration: 10_000 },
      );
    } finally {
      this.busyId.set(null);
    }
  }

  private replace(user: UserView): void {
    this.rows.set(this.rows().map((u) => (u.id === user.id ? user : u)));
  }
}
