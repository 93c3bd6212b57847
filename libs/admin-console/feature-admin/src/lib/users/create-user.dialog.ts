import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Role } from '@claimline/contracts/common';
import { toProblem } from '@claimline/admin-console/data-access-core';
import { PracticeDirectory, UsersApi } from '@claimline/admin-console/data-access-admin';
import { type CreateUserInput, isPracticeRole, type UserView } from '@claimline/contracts/gateway';
import {
  ClValidators,
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
import { ROLE_OPTIONS } from '../shared/admin-labels';
import { PracticeChipsComponent } from '../shared/practice-chips.component';
import {
  isPick,
  type PracticeChoice,
  PracticeFieldComponent,
  type PracticePick,
  pickedPractice,
} from '../shared/practice-field.component';
import { PASSWORD_MIN, passwordValidators, suggestPassword } from './password';

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
    MatSelectModule,
    FieldErrorComponent,
    ErrorBannerComponent,
    PracticeFieldComponent,
    PracticeChipsComponent,
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
        <mat-form-field appearance="outline" class="full">
          <mat-label>Role</mat-label>
          <mat-select formControlName="role" required>
            @for (r of roles; track r.value) {
              <mat-option [value]="r.value">{{ r.label }} — {{ r.hint }}</mat-option>
            }
          </mat-select>
          <mat-error><cl-field-error [control]="form.controls.role" /></mat-error>
        </mat-form-field>
        @if (needsPractice()) {
          <cl-practice-field
            [control]="form.controls.practice"
            [required]="true"
            label="Practice"
            hint="Practice owners and clinicians belong to one practice; type the start of its name"
          />
        } @else if (role() === 'billing_staff') {
          <cl-practice-chips
            [(selected)]="staffPractices"
            label="Practices they work on"
            hint="Optional; you can change this later with “Set practices”"
          />
        }
        <div class="password">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>First password</mat-label>
            <input
              matInput
              formControlName="password"
              [type]="showPassword() ? 'text' : 'password'"
              autocomplete="new-password"
              required
            />
            <mat-hint
              >At least {{ min }} characters · {{ passwordLength() }} typed. Share it with them
              privately.</mat-hint
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
        </div>
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
    .full,
    .grow {
      width: 100%;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 560px;
    }
    .password {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateUserDialog {
  private readonly users = inject(UsersApi);
  private readonly directory = inject(PracticeDirectory);
  private readonly ref = inject<MatDialogRef<CreateUserDialog, CreateUserResult>>(MatDialogRef);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly roles = ROLE_OPTIONS;
  protected readonly min = PASSWORD_MIN;
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, ClValidators.email, Validators.maxLength(254)]],
    displayName: ['', [Validators.required, Validators.maxLength(120), notBlank]],
    role: this.fb.control<Role | ''>('', Validators.required),
    practice: this.fb.control<PracticeChoice>({ value: null, disabled: true }, pickedPractice(true)),
    password: ['', [Validators.required, ...passwordValidators]],
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly needsPractice = computed(() => isPracticeRole(this.role() || null));
  private readonly password = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });
  protected readonly passwordLength = computed(() => this.password().length);
  protected readonly staffPractices = signal<PracticePick[]>([]);
  protected readonly showPassword = signal(false);
  private readonly saving = new FormSave(this.form, {
    path: (field) => (field === 'practiceId' ? 'practice' : field),
  });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly extra = this.saving.unmatched;

  constructor() {
    // Only practice owners and clinicians carry a practice; for the others the field is off.
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      const practice = this.form.controls.practice;
      if (isPracticeRole(role || null)) practice.enable();
      else practice.disable();
    });
  }

  protected suggest(): void {
    this.form.controls.password.setValue(suggestPassword());
    this.form.controls.password.markAsDirty();
    this.showPassword.set(true);
  }

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
      const result: CreateUserResult = { user };
      const practices = this.staffPractices();
      if (role === 'billing_staff' && practices.length) {
        this.directory.remember(practices);
        try {
          const done = await this.users.assignPractices(
            user.id,
            practices.map((p) => p.id),
          );
          result.user = { ...user, practiceIds: done.practiceIds };
        } catch (e) {
          result.assignError = toProblem(e).detail;
        }
      }
      this.ref.close(result);
    });
  }
}
