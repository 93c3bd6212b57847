import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { PracticeContext, routeParam, toProblem } from '@claimline/admin-console/data-access-core';
import { PracticeSettingsApi } from '@claimline/admin-console/data-access-practices';
import {
  AddressFieldsComponent,
  addressGroup,
  addressValue,
  ClValidators,
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  focusParam,
  injectFieldFocus,
  LoadingComponent,
  optionalAddressValue,
  provideLiveErrors,
  setAddress,
  DisplayDatePipe,
} from '@claimline/admin-console/ui-common';
import type { BillingProfileView, PutBillingProfileBody } from '@claimline/contracts/practice-settings';
import type { BillAs, TaxIdKind } from '@claimline/domain';
import { PracticeSettingsStore } from './practice-settings.store';
import {
  taxonomyChoice,
  taxonomyCodeOf,
  TaxonomyAutocompleteComponent,
} from './taxonomy-autocomplete.component';
import { canEditSettings } from '../settings-access';

/** Billing as an Organization names the practice's Type 2 NPI on claims. */
const organizationNpiRequired: ValidatorFn = (control) => {
  const billAs = control.parent?.get('billAs')?.value as BillAs | undefined;
  return billAs === 'organization' && !((control.value as string | null) ?? '').trim()
    ? { required: 'To bill as an Organization, enter the Organization (Type 2) NPI' }
    : null;
};

/** API field → form control, where they differ. */
const SERVER_PATHS: Record<string, string> = {
  taxId: 'taxIdValue',
  'taxId.value': 'taxIdValue',
  'taxId.kind': 'taxIdKind',
};

/**
 * The practice's billing profile, as claims use it: Tax ID (EIN or SSN; an SSN is masked for
 * practice roles and can only be replaced), billing as Individual or Organization (with the Type 2
 * NPI), the billing taxonomy, the billing address (a street address; PO boxes go in the pay-to
 * address) and Service Facility Location (box 32). `?focus=taxId` etc. lands on a field.
 */
@Component({
  selector: 'cl-billing-page',
  imports: [
    DisplayDatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSlideToggleModule,
    LoadingComponent,
    ErrorBannerComponent,
    FieldErrorComponent,
    AddressFieldsComponent,
    TaxonomyAutocompleteComponent,
  ],
  providers: [provideLiveErrors()],
  template: `
    <section aria-labelledby="billing-heading">
      <h2 id="billing-heading">Billing profile</h2>
      <p class="intro">
        What claims say about who bills: the Tax ID, the billing provider's NPI and taxonomy, and where payers
        send insurance payments.
      </p>

      <cl-error-banner [problem]="problem()" [extra]="unmatched()" />
      @if (conflict()) {
        <div class="cl-actions conflict">
          <button mat-stroked-button type="button" (click)="load(true)" [disabled]="busy()">
            Load the latest version
          </button>
          <span>This replaces what you typed with what is saved now.</span>
        </div>
      }

      @if (loading()) {
        <cl-loading label="Loading the billing profile…" />
      } @else if (profile(); as p) {
        @if (p.version === 0) {
          <p class="note" role="status">
            Nothing is saved yet. Fill in what you have and save; the overview's checklist shows what is still
            missing.
          </p>
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <fieldset class="part" data-field="taxId">
            <legend>Tax ID</legend>
            @if (p.taxId && !replacingTaxId()) {
              <p class="on-file">
                On file: <strong class="mono">{{ p.taxId.display }}</strong> ({{
                  p.taxId.kind === 'ssn' ? 'SSN' : 'EIN'
                }})
                @if (p.taxId.masked) {
                  <span class="sub">Only the last four digits are shown.</span>
                }
              </p>
              @if (canEdit()) {
                <button mat-stroked-button type="button" (click)="replaceTaxId()">Replace the Tax ID</button>
              }
            } @else {
              <mat-radio-group formControlName="taxIdKind" aria-label="Kind of Tax ID" class="radios">
                <mat-radio-button value="ein">EIN (employer identification number)</mat-radio-button>
                <mat-radio-button value="ssn">SSN (social security number)</mat-radio-button>
              </mat-radio-group>
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="medium">
                <mat-label>{{ form.controls.taxIdKind.value === 'ssn' ? 'SSN' : 'EIN' }}</mat-label>
                <input
                  matInput
                  formControlName="taxIdValue"
                  inputmode="numeric"
                  autocomplete="off"
                  data-field="taxIdValue"
                />
                <mat-hint>{{
                  form.controls.taxIdKind.value === 'ssn' ? 'As 123-45-6789' : 'As 12-3456789 or 123456789'
                }}</mat-hint>
                <mat-error><cl-field-error [control]="form.controls.taxIdValue" /></mat-error>
              </mat-form-field>
              @if (p.taxId?.masked) {
                <button mat-button type="button" (click)="keepTaxId()">Keep the one on file</button>
              }
            }
          </fieldset>

          <fieldset class="part">
            <legend>Billing provider</legend>
            <mat-radio-group
              formControlName="billAs"
              aria-label="Bill as"
              class="radios column"
              data-field="billAs"
            >
              <mat-radio-button value="individual"
                >Individual: claims name the clinician and their personal (Type 1) NPI</mat-radio-button
              >
              <mat-radio-button value="organization"
                >Organization: claims name the practice and its Organization (Type 2) NPI</mat-radio-button
              >
            </mat-radio-group>
            @if (group() && form.controls.billAs.value !== 'organization') {
              <p class="warn" role="status">A group practice bills as Organization, with its group NPI.</p>
            }
            <div>
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="medium org-npi">
                <mat-label>Organization NPI (Type 2)</mat-label>
                <input
                  matInput
                  formControlName="organizationNpi"
                  inputmode="numeric"
                  maxlength="10"
                  autocomplete="off"
                  data-field="organizationNpi"
                />
                <mat-hint>{{
                  group() || form.controls.billAs.value === 'organization'
                    ? 'The NPI the practice bills with'
                    : 'Leave blank if you have no group or organization NPI'
                }}</mat-hint>
                <mat-error><cl-field-error [control]="form.controls.organizationNpi" /></mat-error>
              </mat-form-field>
            </div>
            <cl-taxonomy-autocomplete
              [control]="form.controls.taxonomyCode"
              [label]="group() ? 'Taxonomy code of the group NPI' : 'Billing taxonomy code'"
              hint="Search by name or code; the NPI registry (npiregistry.cms.hhs.gov) shows yours"
              field="taxonomyCode"
            />
          </fieldset>

          <cl-address-fields
            [group]="form.controls.billingAddress"
            legend="Billing address"
            field="billingAddress"
            framed
            streetHint="A street address. PO boxes go in the pay-to address."
          />

          <div class="part plain" data-field="payToAddress">
            <mat-checkbox formControlName="hasPayTo"
              >Payers send payments to a different address (pay-to address)</mat-checkbox
            >
          </div>
          @if (form.controls.hasPayTo.value) {
            <cl-address-fields
              [group]="form.controls.payToAddress"
              legend="Pay-to address"
              framed
              streetHint="A PO box is fine here"
            />
          }

          <fieldset class="part" data-field="serviceFacilityLocation">
            <legend>Service Facility Location (box 32)</legend>
            <mat-slide-toggle formControlName="serviceFacilityLocation"
              >Print the service facility location on claims</mat-slide-toggle
            >
            @if (p.serviceFacilityLocation.reason) {
              <p class="warn" role="status">{{ p.serviceFacilityLocation.reason }}</p>
            } @else if (p.serviceFacilityLocation.required) {
              <p class="sub">Needed: services are performed at a location other than the billing address.</p>
            } @else {
              <p class="sub">
                Turn on when your billing address differs from the address where you perform services.
              </p>
            }
          </fieldset>

          @if (canEdit()) {
            <div class="cl-actions">
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ busy() ? 'Saving…' : 'Save billing profile' }}
              </button>
              @if (p.updatedAt) {
                <span class="sub">Last saved {{ p.updatedAt | clDate }}</span>
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
    form {
      max-width: 880px;
    }
    .part {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px 12px;
      margin: 0 0 16px;
      min-width: 0;
    }
    .part.plain {
      border: none;
      padding: 0 4px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 6px;
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 4px 0 8px;
    }
    .radios.column {
      flex-direction: column;
    }
    .medium {
      width: min(320px, 100%);
    }
    .org-npi {
      width: min(440px, 100%);
      margin-bottom: 12px;
    }
    mat-form-field {
      width: 100%;
    }
    .cl-form-grid {
      gap: 12px 16px;
      align-items: start;
      margin-bottom: 12px;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .sub {
      display: block;
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0;
    }
    .on-file {
      margin: 4px 0 8px;
    }
    .note {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      padding: 8px 12px;
      border-radius: 8px;
    }
    .warn {
      background: #fff8e1;
      color: #5d4200;
      padding: 8px 12px;
      border-radius: 8px;
      margin: 8px 0;
    }
    .conflict {
      margin-bottom: 12px;
    }
  `,
  // Default: server field errors are set on controls (and child address fields) after an await.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class BillingPage {
  private readonly api = inject(PracticeSettingsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly fieldFocus = injectFieldFocus();
  private readonly settings = inject(PracticeSettingsStore, { optional: true });
  private readonly context = inject(PracticeContext);

  private readonly practiceId = routeParam('practiceId');
  private readonly focus = focusParam();
  protected readonly canEdit = canEditSettings();
  protected readonly group = computed(
    () => (this.settings?.practice() ?? this.context.current())?.type === 'group',
  );

  protected readonly loading = signal(true);
  protected readonly profile = signal<BillingProfileView | null>(null);
  /** The Tax ID input is shown: nothing on file, or the person chose to replace it. */
  protected readonly replacingTaxId = signal(false);
  private kind: TaxIdKind = 'ein';

  protected readonly form = inject(FormBuilder).nonNullable.group({
    taxIdKind: ['ein' as TaxIdKind],
    taxIdValue: ['', ClValidators.taxId(() => this.kind)],
    billAs: ['individual' as BillAs],
    organizationNpi: ['', [ClValidators.npi, organizationNpiRequired]],
    taxonomyCode: ['', taxonomyChoice],
    billingAddress: addressGroup({ noPoBox: true, zipPlus4: true, optional: true }),
    hasPayTo: [false],
    payToAddress: addressGroup(),
    serviceFacilityLocation: [false],
  });
  private readonly saving = new FormSave(this.form, {
    path: (field) => SERVER_PATHS[field] ?? field,
    conflictDetail: () =>
      'Someone else saved the billing profile since you opened it. Load the latest version, then make your change again.',
  });
  protected readonly busy = this.saving.busy;

  /** Asked by `unsavedChangesGuard` before the page is left. */
  hasUnsavedChanges(): boolean {
    return this.saving.unsaved();
  }

  protected readonly problem = this.saving.problem;
  protected readonly unmatched = this.saving.unmatched;
  protected readonly conflict = this.saving.conflict;

  constructor() {
    const c = this.form.controls;
    c.taxIdKind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      this.kind = kind;
      c.taxIdValue.updateValueAndValidity();
    });
    c.billAs.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => c.organizationNpi.updateValueAndValidity());
    c.hasPayTo.valueChanges.pipe(takeUntilDestroyed()).subscribe((on) => this.setPayTo(on));
    this.setPayTo(false);
    effect(() => {
      const id = this.practiceId();
      untracked(() => void this.load(false, id));
    });
    effect(() => {
      if (this.canEdit()) {
        this.form.enable({ emitEvent: false });
        this.setPayTo(this.form.controls.hasPayTo.value);
      } else {
        this.form.disable({ emitEvent: false });
      }
    });
  }

  protected replaceTaxId(): void {
    this.replacingTaxId.set(true);
    this.form.controls.taxIdValue.setValue('');
    this.fieldFocus.focus('taxIdValue');
  }

  protected keepTaxId(): void {
    this.replacingTaxId.set(false);
    const p = this.profile();
    this.form.patchValue({ taxIdKind: p?.taxId?.kind ?? 'ein', taxIdValue: '' });
  }

  async load(afterConflict = false, practiceId = this.practiceId()): Promise<void> {
    if (!practiceId) return;
    if (!afterConflict) this.loading.set(true);
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    try {
      const profile = await this.api.getBillingProfile(practiceId);
      this.fill(profile);
      this.conflict.set(null);
      const focus = this.focus();
      // "taxId" lands on the number itself when it can be typed, else on "Replace the Tax ID".
      const target = focus === 'taxId' && (!profile.taxId || this.replacingTaxId()) ? 'taxIdValue' : focus;
      if (!afterConflict && target) this.fieldFocus.focus(target);
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
      this.busy.set(false);
    }
  }

  protected async save(): Promise<void> {
    const practiceId = this.practiceId();
    const profile = this.profile();
    if (!practiceId || !profile) return;
    this.form.controls.organizationNpi.updateValueAndValidity();
    if (!this.fieldFocus.validate(this.form)) return;
    const v = this.form.getRawValue();
    const taxIdEditable = !profile.taxId || this.replacingTaxId();
    const body: PutBillingProfileBody = {
      version: profile.version,
      billAs: v.billAs,
      organizationNpi: v.organizationNpi.trim() || null,
      taxonomyCode: taxonomyCodeOf(v.taxonomyCode),
      billingAddress: optionalAddressValue(this.form.controls.billingAddress),
      payToAddress: v.hasPayTo ? addressValue(this.form.controls.payToAddress) : null,
      serviceFacilityLocation: v.serviceFacilityLocation,
      // Left out, the Tax ID on file is kept (a masked SSN cannot be sent back).
      ...(taxIdEditable && v.taxIdValue.trim()
        ? { taxId: { kind: v.taxIdKind, value: v.taxIdValue.trim() } }
        : {}),
    };
    const saved = await this.saving.run(async () => {
      this.fill(await this.api.putBillingProfile(practiceId, body));
      this.snack.open('Saved', undefined, { duration: 4000 });
    });
    if (!saved) this.fieldFocus.focusFirstInvalid();
  }

  private fill(p: BillingProfileView): void {
    this.profile.set(p);
    // An unmasked Tax ID (admins, billing staff) is simply edited; a masked SSN is replaced on request.
    const editable = !!p.taxId && !p.taxId.masked;
    this.replacingTaxId.set(editable);
    this.kind = p.taxId?.kind ?? 'ein';
    this.form.reset({
      taxIdKind: this.kind,
      taxIdValue: editable ? (p.taxId?.display ?? '') : '',
      billAs: p.billAs,
      organizationNpi: p.organizationNpi ?? '',
      taxonomyCode: p.taxonomyCode ?? '',
      hasPayTo: !!p.payToAddress,
      serviceFacilityLocation: p.serviceFacilityLocation.enabled,
    });
    setAddress(this.form.controls.billingAddress, p.billingAddress);
    setAddress(this.form.controls.payToAddress, p.payToAddress);
    this.setPayTo(!!p.payToAddress);
    if (!this.canEdit()) this.form.disable({ emitEvent: false });
  }

  private setPayTo(on: boolean): void {
    const group = this.form.controls.payToAddress;
    if (on && group.disabled && this.canEdit()) group.enable({ emitEvent: false });
    if (!on && group.enabled) group.disable({ emitEvent: false });
  }
}
