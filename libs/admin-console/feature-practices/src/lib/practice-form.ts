import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type AbstractControl, type FormGroupDirective, type NgForm, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type { NewPractice, PracticeChanges } from '@claimline/admin-console/data-access-practices';
import { ClValidators, FieldErrorComponent } from '@claimline/admin-console/ui-common';
import type { AddressDto } from '@claimline/contracts/common';
import type { PracticeType, PracticeView } from '@claimline/contracts/practice-settings';
import { parsePhone, parseZipCode } from '@claimline/domain';
import { US_STATES } from '@claimline/reference-data';

/**
 * Shows a field's error as soon as the user has typed in it (or left it, or submitted), not only
 * after leaving it: the rules are the server's, so the user learns them while typing.
 */
export class AsYouTypeErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control && control.invalid && (control.dirty || control.touched || !!form?.submitted);
  }
}

/** The fields of a practice (create and edit share them), with the server's limits. */
export function practiceForm(fb: NonNullableFormBuilder) {
  return fb.group({
    type: fb.control<PracticeType>('solo', Validators.required),
    name: ['', [Validators.required, Validators.maxLength(120)]],
    legalName: ['', Validators.maxLength(120)],
    phone: ['', [Validators.required, ClValidators.phone]],
    email: ['', [ClValidators.email, Validators.maxLength(254)]],
    address: fb.group({
      line1: ['', [Validators.required, Validators.maxLength(55)]],
      line2: ['', Validators.maxLength(55)],
      city: ['', [Validators.required, Validators.maxLength(30)]],
      state: ['', Validators.required],
      zip: ['', [Validators.required, ClValidators.zip]],
    }),
  });
}

export type PracticeForm = ReturnType<typeof practiceForm>;
export type PracticeFormValue = ReturnType<PracticeForm['getRawValue']>;

export function formValueOf(p: PracticeView): PracticeFormValue {
  return {
    type: p.type,
    name: p.name,
    legalName: p.legalName ?? '',
    phone: p.phone,
    email: p.email ?? '',
    address: { line1: p.address.line1, line2: p.address.line2 ?? '', city: p.address.city, state: p.address.state, zip: p.address.zip },
  };
}

function addressOf(v: PracticeFormValue['address']): AddressDto {
  const zip = parseZipCode(v.zip);
  return {
    line1: v.line1.trim(),
    ...(v.line2.trim() && { line2: v.line2.trim() }),
    city: v.city.trim(),
    state: v.state,
    zip: zip.ok ? zip.value : v.zip.trim(),
  };
}

export function newPracticeOf(v: PracticeFormValue): NewPractice {
  return {
    type: v.type,
    name: v.name.trim(),
    ...(v.legalName.trim() && { legalName: v.legalName.trim() }),
    phone: v.phone.trim(),
    ...(v.email.trim() && { email: v.email.trim() }),
    address: addressOf(v.address),
  };
}

const sameAddress = (a: AddressDto, b: AddressDto) =>
  a.line1 === b.line1 && (a.line2 ?? '') === (b.line2 ?? '') && a.city === b.city && a.state === b.state && a.zip === b.zip;
const digits = (phone: string) => {
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.value : phone.trim();
};

/** Only what the user changed, with the version they read (the PATCH body). */
export function practiceChangesOf(p: PracticeView, v: PracticeFormValue): PracticeChanges {
  const changes: PracticeChanges = { version: p.version };
  if (v.type !== p.type) changes.type = v.type;
  if (v.name.trim() !== p.name) changes.name = v.name.trim();
  const legalName = v.legalName.trim() || null;
  if (legalName !== p.legalName) changes.legalName = legalName;
  if (digits(v.phone) !== digits(p.phone)) changes.phone = v.phone.trim();
  const email = v.email.trim() || null;
  if (email !== p.email) changes.email = email;
  const address = addressOf(v.address);
  if (!sameAddress(address, p.address)) changes.address = address;
  return changes;
}

export const hasChanges = (c: PracticeChanges) => Object.keys(c).some((k) => k !== 'version');

/** The inputs of a practice, bound to a `practiceForm` group; the parent owns the `<form>`. */
@Component({
  selector: 'cl-practice-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatRadioModule, MatSelectModule, FieldErrorComponent],
  template: `
    <div [formGroup]="form()">
      <fieldset class="group">
        <legend id="practice-type-label">Practice type</legend>
        <mat-radio-group formControlName="type" aria-labelledby="practice-type-label" class="types">
          <mat-radio-button value="solo">Solo practice <span class="hint">one clinician, billing under their own NPI</span></mat-radio-button>
          <mat-radio-button value="group">Group practice <span class="hint">several clinicians, billing under the group’s NPI</span></mat-radio-button>
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

      <fieldset class="group" formGroupName="address">
        <legend>Address</legend>
        <div class="cl-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>Street address</mat-label>
            <input matInput formControlName="line1" autocomplete="address-line1" required />
            <mat-error><cl-field-error [control]="form().controls.address.controls.line1" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Suite, unit or floor</mat-label>
            <input matInput formControlName="line2" autocomplete="address-line2" />
            <mat-hint>Optional</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.address.controls.line2" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>City</mat-label>
            <input matInput formControlName="city" autocomplete="address-level2" required />
            <mat-error><cl-field-error [control]="form().controls.address.controls.city" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>State</mat-label>
            <mat-select formControlName="state" required>
              @for (s of states; track s.code) {
                <mat-option [value]="s.code">{{ s.name }} ({{ s.code }})</mat-option>
              }
            </mat-select>
            <mat-error><cl-field-error [control]="form().controls.address.controls.state" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>ZIP code</mat-label>
            <input matInput formControlName="zip" autocomplete="postal-code" inputmode="numeric" required />
            <mat-hint>5 digits, or ZIP+4 as 12345-6789</mat-hint>
            <mat-error><cl-field-error [control]="form().controls.address.controls.zip" /></mat-error>
          </mat-form-field>
        </div>
      </fieldset>
    </div>
  `,
  styles: `
    .group { border: 0; padding: 0; margin: 0 0 16px; min-width: 0; }
    legend { font: var(--mat-sys-title-small); color: var(--mat-sys-on-surface); padding: 0; margin-bottom: 8px; }
    .types { display: flex; flex-direction: column; gap: 4px; }
    .hint { color: var(--mat-sys-on-surface-variant); font-size: 13px; margin-left: 4px; }
    mat-form-field { width: 100%; margin-bottom: 8px; }
  `,
  providers: [{ provide: ErrorStateMatcher, useClass: AsYouTypeErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeFieldsComponent {
  readonly form = input.required<PracticeForm>();
  protected readonly states = US_STATES;
}
