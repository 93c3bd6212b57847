import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { routeFragment, toProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import {
  ErrorBannerComponent,
  FormSave,
  injectFieldFocus,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
import { ClientFieldsComponent, clientForm, fillClientForm, updateClientBody } from './client.form';
import { ClientStore } from './client.store';

/** The client's own details: names as on the card, birth date, sex for claims, contact, address, active. */
@Component({
  selector: 'cl-client-profile-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatSlideToggleModule,
    ClientFieldsComponent,
    ErrorBannerComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="tab" aria-labelledby="profile-h">
      <h2 id="profile-h">Profile</h2>
      @if (conflict()) {
        <div class="conflict" role="alert">
          <strong>Someone else changed this client while you were editing.</strong>
          Your changes were not saved. Load their version, then make your change again.
          <button mat-stroked-button type="button" (click)="loadLatest()">Load the current version</button>
        </div>
      } @else {
        <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
      }
      <cl-client-fields [form]="form" />
      <div class="active">
        <mat-slide-toggle formControlName="active">Active client</mat-slide-toggle>
        <span class="hint"
          >Inactive clients are hidden from the client list by default and are not billed.</span
        >
      </div>
      <div class="cl-actions">
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Saving…' : 'Save profile' }}
        </button>
        <button mat-button type="button" (click)="reset()" [disabled]="busy() || form.pristine">
          Discard changes
        </button>
      </div>
    </form>
  `,
  styles: `
    .tab {
      padding: 16px 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .active {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .conflict {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      padding: 12px 16px;
      border-radius: 8px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientProfilePage {
  private readonly store = inject(ClientStore);
  private readonly api = inject(ClientsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly fieldFocus = injectFieldFocus();
  private readonly fragment = routeFragment();
  protected readonly form = clientForm(inject(FormBuilder));
  private readonly saving = new FormSave(this.form, { conflict: 'panel' });
  protected readonly busy = this.saving.busy;

  /** Asked by `unsavedChangesGuard` before the page is left. */
  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;
  protected readonly conflict = this.saving.conflict;
  private filledVersion = 0;

  constructor() {
    // fill the form from the record (again when another tab saved it), unless the user is editing
    effect(() => {
      const c = this.store.client();
      if (c && c.version !== this.filledVersion && (this.form.pristine || this.filledVersion === 0)) {
        fillClientForm(this.form, c);
        this.filledVersion = c.version;
      }
    });
    // Missing-info links name the field as the fragment (`#phone`): the cursor lands there.
    effect(() => {
      const field = this.fragment();
      if (field) untracked(() => this.fieldFocus.focus(field));
    });
  }

  protected reset(): void {
    const c = this.store.client();
    if (c) fillClientForm(this.form, c);
    this.problem.set(null);
    this.unmatched.set([]);
  }

  protected async loadLatest(): Promise<void> {
    this.conflict.set(null);
    try {
      const c = await this.store.reload();
      fillClientForm(this.form, c);
      this.filledVersion = c.version;
    } catch (e) {
      this.problem.set(toProblem(e));
    }
  }

  protected async save(): Promise<void> {
    const c = this.store.client();
    if (!this.fieldFocus.validate(this.form) || !c) return;
    const body = updateClientBody(this.form, c);
    if (Object.keys(body).length === 1) {
      this.snack.open('Nothing to save: no field was changed.', 'OK', { duration: 4000 });
      return;
    }
    await this.saving.run(async () => {
      const saved = await this.api.update(this.store.practiceId(), c.id, body);
      this.filledVersion = saved.version;
      fillClientForm(this.form, saved);
      this.store.saved(saved);
      this.snack.open('Profile saved', undefined, { duration: 3000 });
    });
  }
}
