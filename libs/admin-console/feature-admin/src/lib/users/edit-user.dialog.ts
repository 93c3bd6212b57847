import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import { type UpdateUserInput, UsersApi, type UserView } from '@claimline/admin-console/data-access-admin';
import {
  applyServerErrors,
  ErrorBannerComponent,
  FieldErrorComponent,
} from '@claimline/admin-console/ui-common';
import { roleLabel } from '../shared/admin-labels';
import { PASSWORD_MIN, passwordValidators, suggestPassword } from './password';

/** Rename a user or give them a new password (which ends their sessions). */
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
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher }],
  template: `
    <h2 mat-dialog-title>Edit {{ user.email }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <cl-error-banner [problem]="problem()" [extra]="extra()" />
        <p class="role">
          Role: <strong>{{ role }}</strong>. A role cannot be changed: to give someone another role, create a
          new account for them with that role and deactivate this one.
        </p>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Name</mat-label>
          <input matInput formControlName="displayName" autocomplete="off" required cdkFocusInitial />
          <mat-error><cl-field-error [control]="form.controls.displayName" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full">
          <mat-label>New password</mat-label>
          <input
            matInput
            formControlName="password"
            [type]="showPassword() ? 'text' : 'password'"
            autocomplete="new-password"
          />
          <mat-hint
            >Leave empty to keep the current one. A new password (at least {{ min }} characters) signs them
            out everywhere.</mat-hint
          >
          <mat-error><cl-field-error [control]="form.controls.password" /></mat-error>
        </mat-form-field>
        <div class="cl-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="showPassword.set(!showPassword())"
            [attr.aria-pressed]="showPassword()"
          >
            {{ showPassword() ? 'Hide password' : 'Show password' }}
          </button>
          <button mat-stroked-button type="button" (click)="suggest()">Suggest a password</button>
        </div>
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
      max-width: 560px;
    }
    .role {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .cl-actions {
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditUserDialog {
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);
  private readonly users = inject(UsersApi);
  private readonly ref = inject<MatDialogRef<EditUserDialog, UserView>>(MatDialogRef);
  protected readonly role = roleLabel(this.user.role);
  protected readonly min = PASSWORD_MIN;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    displayName: [this.user.displayName, [Validators.required, Validators.maxLength(120)]],
    password: ['', passwordValidators],
  });
  protected readonly showPassword = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly extra = signal<string[]>([]);

  protected suggest(): void {
    this.form.controls.password.setValue(suggestPassword());
    this.form.controls.password.markAsDirty();
    this.showPassword.set(true);
  }

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const v = this.form.getRawValue();
    const change: UpdateUserInput = {};
    if (v.displayName.trim() !== this.user.displayName) change.displayName = v.displayName.trim();
    if (v.password) change.password = v.password;
    if (!Object.keys(change).length) return this.ref.close();
    this.busy.set(true);
    this.problem.set(null);
    this.extra.set([]);
    try {
      this.ref.close(await this.users.update(this.user.id, change));
    } catch (e) {
      const problem = toProblem(e);
      this.problem.set(problem);
      this.extra.set(applyServerErrors(this.form, problem));
    } finally {
      this.busy.set(false);
    }
  }
}
