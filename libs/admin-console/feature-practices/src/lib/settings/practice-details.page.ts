import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { PracticesApi } from '@claimline/admin-console/data-access-practices';
import { ErrorBannerComponent, FormSave, injectFieldFocus } from '@claimline/admin-console/ui-common';
import {
  fillPracticeForm,
  hasChanges,
  PracticeFieldsComponent,
  practiceChangesOf,
  practiceForm,
} from '../practice.form';
import { canEditSettings } from '../settings-access';
import { PracticeSettingsStore } from './practice-settings.store';

/** Legal and display name, phone, e-mail and address, saved with the version read (409 if stale). */
@Component({
  selector: 'cl-practice-details-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, ErrorBannerComponent, PracticeFieldsComponent],
  template: `
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Practice details</h2>
      <p class="lead">
        The legal name goes on claims and enrollments; office locations (where you see clients) are on the
        <a routerLink="../locations">Office locations</a> tab.
      </p>
      @if (!canEdit()) {
        <p class="readonly" role="note">
          Only the practice owner or the billing team can change these details.
        </p>
      }
      @if (conflict(); as c) {
        <div class="conflict" role="alert">
          <p>
            <strong>Someone else saved this practice while you were editing it.</strong> Reload to see their
            version{{ c.currentVersion ? ' (version ' + c.currentVersion + ')' : '' }}, then make your change
            again.
          </p>
          <button mat-flat-button type="button" (click)="reload()">Reload</button>
        </div>
      } @else {
        <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate aria-labelledby="details-heading">
        <cl-practice-fields [form]="form" />
        @if (canEdit()) {
          <div class="cl-actions">
            <button mat-flat-button type="submit" [disabled]="busy() || !!conflict()">
              {{ busy() ? 'Saving…' : 'Save details' }}
            </button>
            <button mat-button type="button" (click)="discard()" [disabled]="busy()">Discard changes</button>
          </div>
        }
      </form>
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 4px;
    }
    .lead {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .readonly {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .conflict {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      padding: 12px 16px;
      border-radius: 8px;
      margin: 8px 0 16px;
    }
    .conflict p {
      margin: 0 0 8px;
    }
    form {
      max-width: 880px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeDetailsPage {
  private readonly api = inject(PracticesApi);
  private readonly state = inject(PracticeSettingsStore);
  private readonly snack = inject(MatSnackBar);
  private readonly fieldFocus = injectFieldFocus();
  protected readonly form = practiceForm(inject(NonNullableFormBuilder));
  private readonly saving = new FormSave(this.form, { conflict: 'panel' });
  protected readonly busy = this.saving.busy;

  /** Asked by `unsavedChangesGuard` before the page is left. */
  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  protected readonly problem = this.saving.problem;
  protected readonly conflict = this.saving.conflict;
  protected readonly unmatched = this.saving.unmatched;
  protected readonly canEdit = canEditSettings();
  /** Which practice (id and version) the form was last filled from. */
  private filledFrom: string | null = null;

  constructor() {
    // Fill the form from the practice when it (re)loads, not on every save of another tab.
    effect(() => {
      const p = this.state.practice();
      const editable = this.canEdit();
      untracked(() => {
        if (!p) return;
        const key = `${p.id}@${p.version}`;
        if (key === this.filledFrom) return;
        if (this.filledFrom?.startsWith(`${p.id}@`) && this.form.dirty) {
          // Another tab saved this practice (e.g. the Secure Messaging switch): keep the user's
          // edits, they are saved against the new version.
          this.filledFrom = key;
          return;
        }
        this.filledFrom = key;
        fillPracticeForm(this.form, p);
        if (editable) this.form.enable();
        else this.form.disable();
      });
    });
  }

  async save(): Promise<void> {
    const practice = this.state.practice();
    if (!practice || !this.canEdit()) return;
    if (!this.fieldFocus.validate(this.form)) return this.saving.invalid();
    const changes = practiceChangesOf(practice, this.form);
    if (!hasChanges(changes)) {
      this.problem.set(null);
      this.form.markAsPristine();
      this.snack.open('Nothing to save: the details are as they were', 'OK', { duration: 3000 });
      return;
    }
    await this.saving.run(async () => {
      const saved = await this.api.update(practice.id, changes);
      this.filledFrom = null;
      this.state.saved(saved);
      this.snack.open('Practice details saved', 'OK', { duration: 4000 });
    });
  }

  protected discard(): void {
    const p = this.state.practice();
    if (p) fillPracticeForm(this.form, p);
    this.problem.set(null);
    this.unmatched.set([]);
  }

  protected async reload(): Promise<void> {
    this.busy.set(true);
    this.filledFrom = null;
    const p = await this.state.reload();
    this.busy.set(false);
    if (p) {
      this.saving.clear();
      fillPracticeForm(this.form, p);
      this.filledFrom = `${p.id}@${p.version}`;
    }
  }
}
