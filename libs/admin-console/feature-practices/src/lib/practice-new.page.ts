import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '@claimline/admin-console/data-access-core';
import { PracticesApi } from '@claimline/admin-console/data-access-practices';
import {
  ErrorBannerComponent,
  FormSave,
  injectFieldFocus,
  PageHeaderComponent,
} from '@claimline/admin-console/ui-common';
import { newPracticeOf, PracticeFieldsComponent, practiceForm } from './practice.form';
import { ASSIGN_STAFF_STATE } from './settings-access';

/** Billing staff and admins add a practice; it then guides them through its setup checklist. */
@Component({
  selector: 'cl-practice-new-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    PageHeaderComponent,
    ErrorBannerComponent,
    PracticeFieldsComponent,
  ],
  template: `
    <div class="cl-page narrow">
      <cl-page-header
        title="New practice"
        subtitle="The basics first: NPIs, Tax ID and billing details follow on the practice’s settings."
      />
      <mat-card appearance="outlined">
        <mat-card-content>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="New practice">
            <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
            <cl-practice-fields [form]="form" />
            <div class="cl-actions">
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ busy() ? 'Creating…' : 'Create practice' }}
              </button>
              <a mat-button routerLink="/practices">Cancel</a>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .narrow {
      max-width: 880px;
    }
    mat-card-content {
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeNewPage {
  private readonly api = inject(PracticesApi);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  private readonly fieldFocus = injectFieldFocus();
  protected readonly form = practiceForm(inject(NonNullableFormBuilder));
  private readonly saving = new FormSave(this.form);
  protected readonly busy = this.saving.busy;

  /** Asked by `unsavedChangesGuard` before the page is left. */
  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;

  async submit(): Promise<void> {
    if (!this.fieldFocus.validate(this.form)) return this.saving.invalid();
    await this.saving.run(async () => {
      const practice = await this.api.create(newPracticeOf(this.form));
      this.snack.open(`Practice ${practice.name} created`, 'OK', { duration: 4000 });
      // An administrator is not on the practice's team: tell them who can see it (the overview).
      await this.router.navigate(['/practices', practice.id], {
        state: { [ASSIGN_STAFF_STATE]: this.auth.role() === 'admin' },
      });
    });
  }
}
