import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthService, toProblem } from '@claimline/admin-console/data-access-core';

// The sign-in page is in the first download: it words its two errors itself rather than import
// ui-common, whose components (address fields, dialogs, selects) then stay in the lazy areas.
@Component({
  selector: 'cl-login-page',
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <main class="wrap">
      <mat-card class="card" appearance="outlined">
        <mat-card-header>
          <mat-card-title><h1>Sign in to Claimline</h1></mat-card-title>
        </mat-card-header>
        <mat-card-content>
          @if (reason() === 'expired') {
            <p class="note" role="status">Your session ended. Sign in again to continue.</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline" class="full">
              <mat-label>E-mail</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="username" required />
              <mat-error>{{
                form.controls.email.hasError('required') ? 'Required' : 'Not an e-mail address'
              }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" class="full">
              <mat-label>Password</mat-label>
              <input
                matInput
                formControlName="password"
                type="password"
                autocomplete="current-password"
                required
              />
              <mat-error>Required</mat-error>
            </mat-form-field>
            @if (error()) {
              <p class="cl-error-text" role="alert">{{ error() }}</p>
            }
            <button mat-flat-button type="submit" class="full" [disabled]="busy()">
              {{ busy() ? 'Signing in…' : 'Sign in' }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .wrap {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 16px;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container-low);
    }
    .card {
      width: min(420px, 100%);
    }
    h1 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .full {
      width: 100%;
    }
    .note {
      background: var(--mat-sys-secondary-container);
      padding: 8px 12px;
      border-radius: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly reason = signal(this.route.snapshot.queryParamMap.get('reason'));

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.auth.signIn(email, password);
      const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
      await this.router.navigateByUrl(
        returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : '/',
      );
    } catch (e) {
      const p = toProblem(e);
      this.error.set(p.status === 401 ? 'The e-mail or password is not right.' : p.detail);
    } finally {
      this.busy.set(false);
    }
  }
}
