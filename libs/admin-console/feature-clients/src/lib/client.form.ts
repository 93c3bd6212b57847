import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  FormBuilder,
  ReactiveFormsModule,
  Validators,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  AddressFieldsComponent,
  addressGroup,
  ClValidators,
  FieldErrorComponent,
  optionalAddressValue,
  sameAddress,
  setAddress,
  type AddressForm,
  DateInputDirective,
} from '@claimline/admin-console/ui-common';
import type { ClientView, CreateClientBody, UpdateClientBody } from '@claimline/contracts/client-insurance';
import type { BillingType, ClaimSex } from '@claimline/domain';
import { dateValidator, today } from './forms';
import { formatPhone, SEX_OPTIONS } from './labels';

export type ClientForm = FormGroup<{
  firstName: FormControl<string>;
  lastName: FormControl<string>;
  preferredName: FormControl<string>;
  birthDate: FormControl<string>;
  sex: FormControl<ClaimSex | ''>;
  genderIdentity: FormControl<string>;
  phone: FormControl<string>;
  email: FormControl<string>;
  address: AddressForm;
  billingType: FormControl<BillingType | ''>;
  active: FormControl<boolean>;
}>;

export function clientForm(fb: FormBuilder): ClientForm {
  return fb.nonNullable.group({
    firstName: ['', [Validators.required, Validators.maxLength(60)]],
    lastName: ['', [Validators.required, Validators.maxLength(60)]],
    preferredName: ['', [Validators.maxLength(60)]],
    birthDate: ['', [dateValidator('Birth date', { notFuture: true })]],
    sex: ['' as ClaimSex | ''],
    genderIdentity: ['', [Validators.maxLength(60)]],
    phone: ['', [ClValidators.phone]],
    email: ['', [ClValidators.email]],
    address: addressGroup({ optional: true }),
    billingType: ['' as BillingType | ''],
    active: [true],
  });
}

export function fillClientForm(form: ClientForm, c: ClientView): void {
  form.reset({
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: c.preferredName ?? '',
    birthDate: c.birthDate ?? '',
    sex: c.sex ?? '',
    genderIdentity: c.genderIdentity ?? '',
    phone: formatPhone(c.phone),
    email: c.email ?? '',
    billingType: c.billingType ?? '',
    active: c.active,
  });
  setAddress(form.controls.address, c.address);
}

const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

export function createClientBody(form: ClientForm): CreateClientBody {
  const v = form.getRawValue();
  const body: CreateClientBody = { firstName: v.firstName.trim(), lastName: v.lastName.trim() };
  const optional: Partial<CreateClientBody> = {
    preferredName: text(v.preferredName),
    birthDate: text(v.birthDate),
    sex: v.sex || undefined,
    genderIdentity: text(v.genderIdentity),
    phone: text(v.phone),
    email: text(v.email),
    address: optionalAddressValue(form.controls.address) ?? undefined,
    billingType: v.billingType || undefined,
  };
  for (const [k, value] of Object.entries(optional))
    if (value !== undefined) (body as unknown as Record<string, unknown>)[k] = value;
  return body;
}

/** Only what changed (null clears an optional field), with the version the form was filled from. */
export function updateClientBody(form: ClientForm, c: ClientView): UpdateClientBody {
  const v = form.getRawValue();
  const body: UpdateClientBody = { version: c.version };
  const put = <K extends keyof UpdateClientBody>(key: K, next: UpdateClientBody[K], current: unknown) => {
    if (JSON.stringify(next ?? null) !== JSON.stringify(current ?? null)) body[key] = next;
  };
  put('firstName', v.firstName.trim(), c.firstName);
  put('lastName', v.lastName.trim(), c.lastName);
  put('preferredName', text(v.preferredName) ?? null, c.preferredName);
  put('birthDate', text(v.birthDate) ?? null, c.birthDate);
  put('sex', v.sex || null, c.sex);
  put('genderIdentity', text(v.genderIdentity) ?? null, c.genderIdentity);
  // phone is stored as 10 digits: compare digits so "(512) 555-0101" is not a change
  if (v.phone.replace(/\D/g, '') !== (c.phone ?? '')) body.phone = text(v.phone) ?? null;
  put('email', text(v.email) ?? null, c.email);
  const address = optionalAddressValue(form.controls.address);
  if (!sameAddress(address, c.address)) body.address = address;
  put('billingType', v.billingType || null, c.billingType);
  if (v.active !== c.active) body.active = v.active;
  return body;
}

/** Name, birth date, sex, gender identity, contact and address fields of a client (inside the parent's form). */
@Component({
  selector: 'cl-client-fields',
  imports: [
    DateInputDirective,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FieldErrorComponent,
    AddressFieldsComponent,
  ],
  template: `
    <div [formGroup]="form()" class="fields">
      <fieldset>
        <legend>Name as on the insurance card</legend>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>First name</mat-label>
            <input matInput formControlName="firstName" data-field="firstName" autocomplete="off" required />
            <mat-hint>Exactly as printed on the member ID card</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.firstName" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Last name</mat-label>
            <input matInput formControlName="lastName" data-field="lastName" autocomplete="off" required />
            <mat-error><cl-field-error [control]="form().controls.lastName" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Preferred name (optional)</mat-label>
            <input matInput formControlName="preferredName" data-field="preferredName" autocomplete="off" />
            <mat-hint>Used in the console only, never on claims</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.preferredName" /></mat-error>
          </mat-form-field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Birth date, sex and gender</legend>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>Birth date</mat-label>
            <input matInput type="date" formControlName="birthDate" data-field="birthDate" [max]="max" />
            <mat-error><cl-field-error [control]="form().controls.birthDate" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Gender identity (optional)</mat-label>
            <input matInput formControlName="genderIdentity" data-field="genderIdentity" autocomplete="off" />
            <mat-hint>Kept for care; never sent on claims</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.genderIdentity" /></mat-error>
          </mat-form-field>
        </div>
        <div class="radio-block">
          <span class="radio-label" id="client-sex-label">Sex for claims, as the insurance plan has it</span>
          <mat-radio-group
            formControlName="sex"
            data-field="sex"
            aria-labelledby="client-sex-label"
            class="radios"
          >
            @for (o of sexes; track o.value) {
              <mat-radio-button [value]="o.value">{{ o.label }}</mat-radio-button>
            }
          </mat-radio-group>
        </div>
      </fieldset>

      <fieldset>
        <legend>Contact</legend>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>Phone</mat-label>
            <input matInput type="tel" formControlName="phone" data-field="phone" autocomplete="off" />
            <mat-hint>US number, e.g. (512) 555-0101</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.phone" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>E-mail (optional)</mat-label>
            <input matInput type="email" formControlName="email" data-field="email" autocomplete="off" />
            <mat-error><cl-field-error [control]="form().controls.email" /></mat-error>
          </mat-form-field>
        </div>
      </fieldset>

      <cl-address-fields [group]="form().controls.address" legend="Home address" field="address" />
    </div>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
      padding: 0;
    }
    .radio-block {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 4px 0 8px;
    }
    .radio-label {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    mat-form-field {
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFieldsComponent {
  readonly form = input.required<ClientForm>();
  protected readonly sexes = SEX_OPTIONS;
  protected readonly max = today();
}
