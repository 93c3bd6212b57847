import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import type { PageEvent } from '@angular/material/paginator';
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
  confirm,
  type ConfirmData,
  EmptyStateComponent,
  ErrorBannerComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  PaginatorComponent,
  plural,
  StatusChipComponent,
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
    PaginatorComponent,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage implements OnInit {
  protected readonly plural = plural;
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
  protected readonly paging = new ListPaging();
  protected readonly rows = signal<UserView[]>([]);
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
      const page = await this.users.list(this.paging.request(), this.role());
      if (mine !== this.seq) return;
      if (this.paging.counted(page.total, page.items.length)) return this.load();
      this.rows.set(page.items);
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
    this.paging.first();
    void this.load();
  }

  protected onPage(e: PageEvent): void {
    this.paging.turn(e);
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
    this.snack.open(`${user.email} now works on ${plural(ids.length, 'practice')}.`, 'Close', {
      duration: 5000,
    });
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
