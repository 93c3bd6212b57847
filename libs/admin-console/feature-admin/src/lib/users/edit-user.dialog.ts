import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Role } from '@claimline/contracts/common';
import { AuthService } from '@claimline/admin-console/data-access-core';
import { PracticeDirectory, UsersApi } from '@claimline/admin-console/data-access-admin';
import { isPracticeRole, type UpdateUserInput, type UserView } from '@claimline/contracts/gateway';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
import { roleLabel } from '../shared/admin-labels';
import {
  isPick,
  type PracticeChoice,
  type PracticePick,
  pickedPractice,
} from '../shared/practice-field.component';
import { PASSWORD_MIN, passwordValidators } from './password';
import { PasswordFieldComponent } from './password-field.component';
import { RoleFieldsComponent } from './role-fields.component';
import { assignStaffPractices } from './staff-practices';

export interface EditUserResult {
  user: UserView;
  /** The role (or the practice of a practice role) changed: every session of the user ended. */
  roleChanged: boolean;
  /** Set when the user became billing staff but their practices could not be assigned. */
  assignError?: string;
}

/** The server's field names → this form's controls. */
const FIELD_TO_CONTROL: Record<string, string> = { practiceId: 'practice' };

/** Rename a user, change their role (with its practice) or give them a new password. */
@Component({
  selector: 'cl-edit-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorComponent,
    ErrorBannerComponent,
    RoleFieldsComponent,
    PasswordFieldComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <h2 mat-dialog-title>Edit {{ user.email }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <cl-error-banner [problem]="problem()" [extra]="extra()" />
        <mat-form-field appearance="outline" class="full">
          <mat-label>Name</mat-label>
          <input matInput formControlName="displayName" autocomplete="off" required cdkFocusInitial />
          <mat-error><cl-field-error [control]="form.controls.displayName" /></mat-error>
        </mat-form-field>

        @if (self) {
          <p class="note" role="note">
            Role: <strong>{{ currentRole }}</strong>. You cannot change your own role; another administrator
            can.
          </p>
        } @else {
          <cl-role-fields
            [role]="form.controls.role"
            [practice]="form.controls.practice"
            [hint]="'Now: ' + currentRole"
            [offerStaffPractices]="becomesStaff()"
            [(staffPractices)]="staffPractices"
          />
          @if (roleChange(); as change) {
            <p class="warning" role="status">{{ change }}</p>
          }
        }

        <cl-password-field [control]="form.controls.password" label="New password"
          >Leave empty to keep the current one. A new password (at least {{ min }} characters) signs them out
          everywhere.</cl-password-field
        >
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ busy() ? 'Saving…' : 'Save' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 560px;
    }
    .note {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .warning {
      margin: 0 0 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditUserDialog {
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly ref = inject<MatDialogRef<EditUserDialog, EditUserResult>>(MatDialogRef);
  private readonly fb = inject(FormBuilder).nonNullable;
  /** Your own account: the API refuses a change of your own role (and deactivating yourself). */
  protected readonly self = inject(AuthService).user()?.id === this.user.id;
  protected readonly currentRole = roleLabel(this.user.role);
  protected readonly min = PASSWORD_MIN;
  private readonly currentPractice: PracticePick | null = this.user.practiceId
    ? {
        id: this.user.practiceId,
        name: this.directory.name(this.user.practiceId) ?? `Practice ${this.user.practiceId.slice(0, 8)}`,
      }
    : null;
  protected readonly form = this.fb.group({
    displayName: [this.user.displayName, [Validators.required, Validators.maxLength(120)]],
    role: this.fb.control<Role>({ value: this.user.role, disabled: this.self }, Validators.required),
    practice: this.fb.control<PracticeChoice>(
      { value: this.currentPractice, disabled: !isPracticeRole(this.user.role) || this.self },
      pickedPractice(true),
    ),
    password: ['', passwordValidators],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.user.role,
  });
  private readonly practice = toSignal(this.form.controls.practice.valueChanges, {
    initialValue: this.currentPractice as PracticeChoice,
  });
  protected readonly becomesStaff = computed(
    () => this.role() === 'billing_staff' && this.user.role !== 'billing_staff',
  );
  /** The role or, for a practice role, the practice differs from now. */
  private readonly changesRole = computed(() => {
    const role = this.role();
    if (this.self) return false;
    if (role !== this.user.role) return true;
    const practice = this.practice();
    return isPracticeRole(role) && isPick(practice) && practice.id !== this.user.practiceId;
  });
  /** What saving the new role does, in words. */
  protected readonly roleChange = computed(() => {
    if (!this.changesRole()) return null;
    const who = this.user.displayName || this.user.email;
    const parts = [`Saving signs ${who} out everywhere; they sign in again as ${roleLabel(this.role())}.`];
    if (this.user.role === 'billing_staff' && this.role() !== 'billing_staff') {
      parts.push('Their assigned practices are removed.');
    }
    const practice = this.practice();
    if (isPracticeRole(this.role()) && isPick(practice)) parts.push(`They will see only ${practice.name}.`);
    return parts.join(' ');
  });
  protected readonly staffPractices = signal<PracticePick[]>([]);
  private readonly saving = new FormSave(this.form, { path: (field) => FIELD_TO_CONTROL[field] ?? field });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly extra = this.saving.unmatched;

  constructor() {
    // The practice's name, if the table had not looked it up yet.
    const current = this.currentPractice;
    if (current && this.directory.name(current.id) === null) {
      void this.directory.resolve([current.id]).then(() => {
        const name = this.directory.name(current.id);
        const control = this.form.controls.practice;
        if (name && control.value === current) control.setValue({ id: current.id, name });
      });
    }
  }

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const v = this.form.getRawValue();
    const change: UpdateUserInput = {};
    if (v.displayName.trim() !== this.user.displayName) change.displayName = v.displayName.trim();
    if (v.password) change.password = v.password;
    const roleChanged = this.changesRole();
    if (roleChanged) {
      change.role = v.role;
      if (isPracticeRole(v.role) && isPick(v.practice)) {
        change.practiceId = v.practice.id;
        this.directory.remember([v.practice]);
      }
    }
    if (!Object.keys(change).length) return this.ref.close();
    await this.saving.run(async () => {
      const user = await this.users.update(this.user.id, change);
      const result: EditUserResult = {
        ...(await assignStaffPractices(this.users, user, roleChanged ? this.staffPractices() : [])),
        roleChanged,
      };
      this.ref.close(result);
    });
  }
}
