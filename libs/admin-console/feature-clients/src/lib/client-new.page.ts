import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { routeParam } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import {
  ErrorBannerComponent,
  FormSave,
  injectFieldFocus,
  PageHeaderComponent,
  provideLiveErrors,
} from '@claimline/admin-console/ui-common';
import { ClientFieldsComponent, clientForm, createClientBody } from './client.form';

/** Add a client: the details a claim needs, with the billing type; insurance comes next. */
@Component({
  selector: 'cl-client-new-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatRadioModule,
    PageHeaderComponent,
    ErrorBannerComponent,
    ClientFieldsComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <div class="cl-page narrow">
      <a routerLink=".." class="back">← All clients</a>
      <cl-page-header
        title="Add client"
        subtitle="Names exactly as on the insurance member ID card. You can add insurance once the client is saved."
      />
      <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="form">
        <cl-client-fields [form]="form" />
        <fieldset>
          <legend id="billing-type-label">Billing type</legend>
          <mat-radio-group formControlName="billingType" aria-labelledby="billing-type-label" class="radios">
            <mat-radio-button value="insurance">Insurance</mat-radio-button>
            <mat-radio-button value="self_pay">Self-pay</mat-radio-button>
          </mat-radio-group>
          <p class="hint">Insurance clients need a primary insurance policy before claims can be sent.</p>
        </fieldset>
        <div class="cl-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? 'Adding…' : 'Add client' }}
          </button>
          <a mat-button routerLink="..">Cancel</a>
        </div>
      </form>
    </div>
  `,
  styles: `
    .narrow {
      max-width: 960px;
    }
    .back {
      display: inline-block;
      margin-bottom: 8px;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
      padding: 0;
    }
    .radios {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
      margin: 4px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientNewPage {
  private readonly api = inject(ClientsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly fieldFocus = injectFieldFocus();
  private readonly practiceId = routeParam('practiceId');
  protected readonly form = clientForm(inject(FormBuilder));
  private readonly saving = new FormSave(this.form);
  protected readonly busy = this.saving.busy;

  /** Asked by `unsavedChangesGuard` before the page is left. */
  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;

  constructor() {
    this.form.controls.billingType.setValue('insurance');
  }

  protected async save(): Promise<void> {
    if (!this.fieldFocus.validate(this.form)) return;
    await this.saving.run(async () => {
      const client = await this.api.create(this.practiceId() ?? '', createClientBody(this.form));
      this.snack.open(`${client.firstName} ${client.lastName} added`, undefined, { duration: 3000 });
      await this.router.navigate(['..', client.id, 'profile'], { relativeTo: this.route });
    });
  }
}
