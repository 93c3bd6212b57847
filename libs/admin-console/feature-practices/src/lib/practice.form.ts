import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { NewPractice, PracticeChanges } from '@claimline/admin-console/data-access-practices';
import {
  AddressFieldsComponent,
  addressGroup,
  addressValue,
  ClValidators,
  FieldErrorComponent,
  provideLiveErrors,
  sameAddress,
  setAddress,
} from '@claimline/admin-console/ui-common';
import type { PracticeType, PracticeView } from '@claimline/contracts/practice-settings';
import { parsePhone } from '@claimline/domain';

/** The fields of a practice (create and edit share them), with the server's limits. */
export function practiceForm(fb: NonNullableFormBuilder) {
  return fb.group({
    type: fb.control<PracticeType>('solo', Validators.required),
    name: ['', [Validators.required, Validators.maxLength(120)]],
    legalName: ['', Validators.maxLength(120)],
    phone: ['', [Validators.required, ClValidators.phone]],
    email: ['', [ClValidators.email, Validators.maxLength(254)]],
    address: addressGroup(),
  });
}

export type PracticeForm = ReturnType<typeof practiceForm>;

/** Fills the form from the practice, as not yet touched. */
export function fillPracticeForm(form: PracticeForm, p: PracticeView): void {
  form.reset({
    type: p.type,
    name: p.name,
    legalName: p.legalName ?? '',
    phone: p.phone,
    email: p.email ?? '',
  });
  setAddress(form.controls.address, p.address);
}

export function newPracticeOf(form: PracticeForm): NewPractice {
  const v = form.getRawValue();
  return {
    type: v.type,
    name: v.name.trim(),
    ...(v.legalName.trim() && { legalName: v.legalName.trim() }),
    phone: v.phone.trim(),
    ...(v.email.trim() && { email: v.email.trim() }),
    address: addressValue(form.controls.address),
  };
}

const digits = (phone: string) => {
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.value : phone.trim();
};

/** Only what the user changed, with the version they read (the PATCH body). */
export function practiceChangesOf(p: PracticeView, form: PracticeForm): PracticeChanges {
  const v = form.getRawValue();
  const changes: PracticeChanges = { version: p.version };
  if (v.type !== p.type) changes.type = v.type;
  if (v.name.trim() !== p.name) changes.name = v.name.trim();
  const legalName = v.legalName.trim() || null;
  if (legalName !== p.legalName) changes.legalName = legalName;
  if (digits(v.phone) !== digits(p.phone)) changes.phone = v.phone.trim();
  const email = v.email.trim() || null;
  if (email !== p.email) changes.email = email;
  const address = addressValue(form.controls.address);
  if (!sameAddress(address, p.address)) changes.address = address;
  return changes;
}

export const hasChanges = (c: PracticeChanges) => Object.keys(c).some((k) => k !== 'version');

/** The inputs of a practice, bound to a `practiceForm` group; the parent owns the `<form>`. */
@Component({
  selector: 'cl-practice-fields',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FieldErrorComponent,
    AddressFieldsComponent,
  ],
  template: `
    <div [formGroup]="form()">
      <fieldset class="group">
        <legend id="practice-type-label">Practice type</legend>
        <mat-radio-group formControlName="type" aria-labelledby="practice-type-label" class="types">
          <mat-radio-button value="solo"
            >Solo practice
            <span class="hint">one clinician, billing under their own NPI</span></mat-radio-button
          >
          <mat-radio-button value="group"
            >Group practice
            <span class="hint">several clinicians, billing under the group’s NPI</span></mat-radio-button
          >
        </mat-radio-group>
      </fieldset>

      <fieldset class="group">
        <legend>Names</legend>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>Display name</mat-label>
            <input matInput formControlName="name" autocomplete="organization" required />
            <mat-hint>As clients and the billing team know the practice</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.name" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Legal name</mat-label>
            <input matInput formControlName="legalName" />
            <mat-hint>As registered with the IRS; claims use it</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.legalName" /></mat-error>
          </mat-form-field>
        </div>
      </fieldset>

      <fieldset class="group">
        <legend>Contact</legend>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>Phone</mat-label>
            <input matInput formControlName="phone" type="tel" autocomplete="tel" required />
            <mat-hint>US number, e.g. (617) 555-0100</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.phone" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>E-mail</mat-label>
            <input matInput formControlName="email" type="email" autocomplete="email" />
            <mat-hint>Optional; where the practice reads notices</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.email" /></mat-error>
          </mat-form-field>
        </div>
      </fieldset>

      <cl-address-fields [group]="form().controls.address" legend="Address" field="address" />
    </div>
  `,
  styles: `
    .group {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
      padding: 0;
      margin-bottom: 8px;
    }
    .types {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
      margin-left: 4px;
    }
    mat-form-field {
      width: 100%;
      margin-bottom: 8px;
    }
  `,
  providers: [provideLiveErrors()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeFieldsComponent {
  readonly form = input.required<PracticeForm>();
}
