import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldErrorComponent } from '@claimline/admin-console/ui-common';
import { PASSWORD_MIN, suggestPassword } from './password';

/**
 * A password a administrator gives someone (a new account's first one, or a new one): hidden
 * until shown, with a suggestion from the browser's random generator. The hint is the content.
 */
@Component({
  selector: 'cl-password-field',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, FieldErrorComponent],
  template: `
    <mat-form-field appearance="outline" class="full">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        [type]="shown() ? 'text' : 'password'"
        autocomplete="new-password"
        [required]="required()"
      />
      <mat-hint><ng-content /></mat-hint>
      <mat-error><cl-field-error [control]="control()" /></mat-error>
    </mat-form-field>
    <div class="cl-actions">
      <button mat-stroked-button type="button" (click)="shown.set(!shown())" [attr.aria-pressed]="shown()">
        {{ shown() ? 'Hide password' : 'Show password' }}
      </button>
      <button mat-stroked-button type="button" (click)="suggest()">Suggest a password</button>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 12px;
    }
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly required = input(false);
  protected readonly shown = signal(false);
  protected readonly min = PASSWORD_MIN;

  protected suggest(): void {
    this.control().setValue(suggestPassword());
    this.control().markAsDirty();
    this.shown.set(true);
  }
}
