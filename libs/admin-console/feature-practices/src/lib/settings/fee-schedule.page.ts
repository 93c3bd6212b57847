import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { routeParam } from '@claimline/admin-console/data-access-core';
import { FeeScheduleApi } from '@claimline/admin-console/data-access-claims';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  injectFieldFocus,
  LoadingComponent,
  provideLiveErrors,
  DisplayDatePipe,
} from '@claimline/admin-console/ui-common';
import type { FeeScheduleView } from '@claimline/contracts/claims/plain';
import { canEditSettings } from '../settings-access';
import { feeEntryGroup, feeScheduleBody, feeScheduleForm, fillFeeSchedule } from './fee-schedule.form';

/**
 * What the practice charges: procedure + modifiers → fee. An appointment's line takes the fee of
 * exactly its procedure and modifiers (in any order) unless one is typed. Saved whole, with the
 * version read: someone else's save in between shows the "load the latest version" panel.
 */
@Component({
  selector: 'cl-fee-schedule-page',
  imports: [
    DisplayDatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBannerComponent,
    FieldErrorComponent,
    LoadingComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <section aria-labelledby="fees-heading">
      <h2 id="fees-heading">Fee schedule</h2>
      <p class="intro">
        The fee for each procedure with its modifiers. A new appointment's service takes the fee of exactly
        its procedure and modifiers, unless another is typed there.
      </p>
      <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
      @if (conflict()) {
        <div class="cl-actions conflict">
          <button mat-stroked-button type="button" (click)="load()" [disabled]="busy()">
            Load the latest version
          </button>
          <span>Someone else saved the fee schedule since you opened it. This replaces what you typed.</span>
        </div>
      }
      @if (loading()) {
        <cl-loading label="Loading the fee schedule…" />
      } @else {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <div formArrayName="entries">
            @for (row of form.controls.entries.controls; track row; let i = $index) {
              <div class="row" [formGroupName]="i" role="group" [attr.aria-label]="'Fee ' + (i + 1)">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>Procedure</mat-label>
                  <input
                    matInput
                    formControlName="procedure"
                    [attr.data-field]="'entries.' + i + '.procedure'"
                  />
                  <mat-error><cl-field-error [control]="row.controls.procedure" /></mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>Modifiers</mat-label>
                  <input
                    matInput
                    formControlName="modifiers"
                    [attr.data-field]="'entries.' + i + '.modifiers'"
                  />
                  <mat-error><cl-field-error [control]="row.controls.modifiers" /></mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>Fee ($)</mat-label>
                  <input
                    matInput
                    formControlName="feeCents"
                    inputmode="decimal"
                    [attr.data-field]="'entries.' + i + '.feeCents'"
                  />
                  <mat-error><cl-field-error [control]="row.controls.feeCents" /></mat-error>
                </mat-form-field>
                @if (canEdit()) {
                  <button mat-button type="button" (click)="remove(i)">Remove fee {{ i + 1 }}</button>
                }
                @if (row.errors) {
                  <span class="error" role="alert"><cl-field-error [control]="row" /></span>
                }
              </div>
            } @empty {
              <p class="note" role="status">No fees yet: add the procedures the practice bills.</p>
            }
          </div>
          @if (canEdit()) {
            <div class="cl-actions">
              <button mat-stroked-button type="button" (click)="add()">Add a fee</button>
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ busy() ? 'Saving…' : 'Save fee schedule' }}
              </button>
              @if (schedule()?.updatedAt; as at) {
                <span class="sub">Last saved {{ at | clDate }}</span>
              }
            </div>
          }
        </form>
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .intro {
      margin: 4px 0 16px;
      color: var(--mat-sys-on-surface-variant);
      max-width: 70ch;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: start;
      margin-bottom: 12px;
    }
    .error {
      color: var(--mat-sys-error);
      font-size: 13px;
      align-self: center;
    }
    .note {
      background: var(--mat-sys-secondary-container);
      padding: 8px 12px;
      border-radius: 8px;
    }
    .sub {
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
    .conflict {
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.Default,
})
export class FeeSchedulePage {
  private readonly api = inject(FeeScheduleApi);
  private readonly snack = inject(MatSnackBar);
  private readonly fieldFocus = injectFieldFocus();
  private readonly practiceId = routeParam('practiceId');
  protected readonly canEdit = canEditSettings();
  protected readonly form = feeScheduleForm();
  protected readonly schedule = signal<FeeScheduleView | null>(null);
  protected readonly loading = signal(true);
  private readonly saving = new FormSave(this.form, { conflict: 'panel' });
  protected readonly busy = this.saving.busy;
  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;
  protected readonly conflict = this.saving.conflict;

  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  constructor() {
    effect(() => {
      if (this.practiceId()) untracked(() => void this.load());
    });
    effect(() => (this.canEdit() ? this.form.enable() : this.form.disable()));
  }

  protected add(): void {
    this.form.controls.entries.push(feeEntryGroup());
    this.form.markAsDirty();
    setTimeout(() => this.fieldFocus.focus(`entries.${this.form.controls.entries.length - 1}.procedure`));
  }

  protected remove(i: number): void {
    this.form.controls.entries.removeAt(i);
    this.form.markAsDirty();
  }

  protected async save(): Promise<void> {
    if (!this.fieldFocus.validate(this.form)) return this.saving.invalid();
    const version = this.schedule()?.version ?? 0;
    const ok = await this.saving.run(async () => {
      const saved = await this.api.put(this.practiceId() ?? '', feeScheduleBody(this.form, version));
      this.schedule.set(saved);
      fillFeeSchedule(this.form, saved.entries);
    });
    if (ok) this.snack.open('Fee schedule saved', undefined, { duration: 3000 });
    else this.fieldFocus.focusFirstInvalid();
  }

  async load(): Promise<void> {
    this.saving.clear();
    try {
      const schedule = await this.api.get(this.practiceId() ?? '');
      this.schedule.set(schedule);
      fillFeeSchedule(this.form, schedule.entries);
    } catch (e) {
      this.saving.fail(e);
    } finally {
      this.loading.set(false);
    }
  }
}
