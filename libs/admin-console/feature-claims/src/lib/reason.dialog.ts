import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';

export interface ReasonDialogData {
  title: string;
  message: string;
  /** The confirming button's text ("Switch to self-pay", "Void claim"). */
  confirm: string;
  /** Reasons to choose from (value → words); without them the reason is typed. */
  choices?: Readonly<Record<string, string>>;
  /** The choice that needs a typed note (`other`). */
  noteFor?: string;
  /** A typed reason to start from. */
  initial?: string;
  /** Sends the change with the reason (and note); a refusal is shown in the dialog, which stays open. */
  send: (reason: string, note: string | null) => Promise<unknown>;
  danger?: boolean;
}

/**
 * Asks why before a change the record keeps the reason of (the self-pay switch, a void), sends
 * it with `FormSave` and closes with what the server answered; a refusal stays in the dialog.
 */
@Component({
  selector: 'cl-reason-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorComponent,
    ErrorBannerComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <cl-error-banner [problem]="save.problem()" [extra]="save.unmatched()" />
        <p>{{ data.message }}</p>
        @if (choices.length) {
          <mat-form-field appearance="outline" class="full">
            <mat-label>Reason</mat-label>
            <mat-select formControlName="reason" required>
              @for (c of choices; track c[0]) {
                <mat-option [value]="c[0]">{{ c[1] }}</mat-option>
              }
            </mat-select>
            <mat-error><cl-field-error [control]="form.controls.reason" /></mat-error>
          </mat-form-field>
          @if (needsNote()) {
            <mat-form-field appearance="outline" class="full">
              <mat-label>Note</mat-label>
              <textarea matInput formControlName="note" rows="2" maxlength="500" required></textarea>
              <mat-error><cl-field-error [control]="form.controls.note" /></mat-error>
            </mat-form-field>
          }
        } @else {
          <mat-form-field appearance="outline" class="full">
            <mat-label>Reason</mat-label>
            <input matInput formControlName="reason" maxlength="500" required cdkFocusInitial />
            <mat-error><cl-field-error [control]="form.controls.reason" /></mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [class.danger]="data.danger" [disabled]="save.busy()">
          {{ save.busy() ? 'Saving…' : data.confirm }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    mat-dialog-content {
      max-width: 520px;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, unknown>>(MatDialogRef);
  protected readonly choices = Object.entries(this.data.choices ?? {});
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: [
      this.data.initial ?? '',
      [Validators.required, Validators.minLength(3), Validators.maxLength(500)],
    ],
    note: ['', Validators.maxLength(500)],
  });
  protected readonly save = new FormSave(this.form);
  private readonly reason = toSignal(this.form.controls.reason.valueChanges, {
    initialValue: this.form.controls.reason.value,
  });
  protected readonly needsNote = computed(() => !!this.data.noteFor && this.reason() === this.data.noteFor);

  protected async submit(): Promise<void> {
    const note = this.form.controls.note;
    note.setValidators(
      this.needsNote() ? [Validators.required, Validators.maxLength(500)] : Validators.maxLength(500),
    );
    note.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return this.save.invalid();
    }
    const { reason } = this.form.getRawValue();
    let answer: unknown;
    const ok = await this.save.run(async () => {
      answer = await this.data.send(reason.trim(), this.needsNote() ? note.value.trim() : null);
    });
    if (ok) this.ref.close(answer);
  }
}

/** Opens the dialog; resolves with the server's answer, or undefined when the person cancelled. */
export async function askReason<T>(dialog: MatDialog, data: ReasonDialogData): Promise<T | undefined> {
  const ref = dialog.open(ReasonDialog, { data, width: '480px', maxWidth: '92vw' });
  return (await firstValueFrom(ref.afterClosed())) as T | undefined;
}
