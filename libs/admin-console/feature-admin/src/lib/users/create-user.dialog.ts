import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Role } from '@claimline/contracts/common';
import { PracticeDirectory, UsersApi } from '@claimline/admin-console/data-access-admin';
import { type CreateUserInput, isPracticeRole, type UserView } from '@claimline/contracts/gateway';
import {
  ClValidators,
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
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

export interface CreateUserResult {
  user: UserView;
  /** Set when the account was created but its practices could not be assigned. */
  assignError?: string;
}

const notBlank = (c: { value: string }) =>
  c.value && !c.value.trim() ? { blank: 'Cannot be only spaces' } : null;

/** New console account: e-mail, name, role, first password, and the practice(s) the role needs. */
@Component({
  selector: 'cl-create-user-dialog',
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
    <h2 mat-dialog-title>New user</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <cl-error-banner [problem]="problem()" [extra]="extra()" />
        <mat-form-field appearance="outline" class="full">
          <mat-label>E-mail</mat-label>
          <input matInput formControlName="email" type="email" autocomplete="off" required cdkFocusInitial />
          <mat-hint>They sign in with this address</mat-hint>
          <mat-error><cl-field-error [control]="form.controls.email" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Name</mat-label>
          <input matInput formControlName="displayName" autocomplete="off" required />
          <mat-hint>As colleagues know them, e.g. “Dana Rivera”</mat-hint>
          <mat-error><cl-field-error [control]="form.controls.displayName" /></mat-error>
        </mat-form-field>
        <cl-role-fields
          [role]="form.controls.role"
          [practice]="form.controls.practice"
          [offerStaffPractices]="true"
          [(staffPractices)]="staffPractices"
        />
        <cl-password-field [control]="form.controls.password" label="First password" [required]="true"
          >At least {{ min }} characters · {{ passwordLength() }} typed. Share it with them
          privately.</cl-password-field
        >
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Creating…' : 'Create user' }}
        </button>
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
      gap: 4px;
      max-width: 560px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateUserDialog {
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly ref = inject<MatDialogRef<CreateUserDialog, CreateUserResult>>(MatDialogRef);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly min = PASSWORD_MIN;
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, ClValidators.email, Validators.maxLength(254)]],
    displayName: ['', [Validators.required, Validators.maxLength(120), notBlank]],
    role: this.fb.control<Role | ''>('', Validators.required),
    practice: this.fb.control<PracticeChoice>({ value: null, disabled: true }, pickedPractice(true)),
    password: ['', [Validators.required, ...passwordValidators]],
  });
  private readonly password = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });
  protected readonly passwordLength = computed(() => this.password().length);
  protected readonly staffPractices = signal<PracticePick[]>([]);
  private readonly saving = new FormSave(this.form, {
    path: (field) => (field === 'practiceId' ? 'practice' : field),
  });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly extra = this.saving.unmatched;

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const v = this.form.getRawValue();
    const role = v.role as Role;
    const input: CreateUserInput = {
      email: v.email.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      role,
    };
    if (isPracticeRole(role) && isPick(v.practice)) {
      input.practiceId = v.practice.id;
      this.directory.remember([v.practice]);
    }
    await this.saving.run(async () => {
      const user = await this.users.create(input);
      this.directory.remember(this.staffPractices());
      const result: CreateUserResult = await assignStaffPractices(this.users, user, this.staffPractices());
      this.ref.close(result);
    });
  }
}
