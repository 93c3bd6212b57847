import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ClValidators, FieldErrorComponent } from '@claimline/admin-console/ui-common';
import type { AddressDto } from '@claimline/contracts/common';
import { parseZipCode, US_STATE_LIKE_CODES } from '@claimline/domain';
import { LiveErrorStateMatcher } from './team-form-kit';

export type AddressForm = FormGroup<{
  line1: FormControl<string>;
  line2: FormControl<string>;
  city: FormControl<string>;
  state: FormControl<string>;
  zip: FormControl<string>;
}>;

/** Required, unless every field of the address is blank (an optional address left out). */
const requiredUnlessAllBlank: ValidatorFn = (control) => {
  const siblings = Object.values((control.parent?.value ?? {}) as Record<string, unknown>);
  const anyFilled = siblings.some((v) => typeof v === 'string' && v.trim() !== '');
  return anyFilled ? Validators.required(control) : null;
};

/**
 * A US street address form group; `street` and `zip` add rules such as "no PO box" or "ZIP+4".
 * `optional`: all blank is acceptable (call `revalidateAddress` before submitting, since a
 * field's rule then depends on the others).
 */
export function addressGroup(rules: { street?: ValidatorFn[]; zip?: ValidatorFn[]; optional?: boolean } = {}): AddressForm {
  const street = rules.street ?? [];
  const required = rules.optional ? requiredUnlessAllBlank : Validators.required;
  return new FormGroup({
    line1: new FormControl('', { nonNullable: true, validators: [required, Validators.maxLength(55), ...street] }),
    line2: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(55), ...street] }),
    city: new FormControl('', { nonNullable: true, validators: [required, Validators.maxLength(30)] }),
    state: new FormControl('', { nonNullable: true, validators: [required] }),
    zip: new FormControl('', { nonNullable: true, validators: [required, ClValidators.zip, ...(rules.zip ?? [])] }),
  });
}

export function revalidateAddress(group: AddressForm): void {
  for (const control of Object.values(group.controls)) control.updateValueAndValidity({ emitEvent: false });
  group.updateValueAndValidity();
}

export function isBlankAddress(group: AddressForm): boolean {
  return Object.values(group.getRawValue()).every((v) => v.trim() === '');
}

/** The address as the API takes it: trimmed, no empty second line, ZIP written 12345 or 12345-6789. */
export function addressValue(group: AddressForm): AddressDto {
  const v = group.getRawValue();
  const zip = parseZipCode(v.zip);
  return {
    line1: v.line1.trim(),
    ...(v.line2.trim() && { line2: v.line2.trim() }),
    city: v.city.trim(),
    state: v.state.trim().toUpperCase(),
    zip: zip.ok ? zip.value : v.zip.trim(),
  };
}

export function patchAddress(group: AddressForm, address: AddressDto | null | undefined): void {
  group.reset({
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    zip: address?.zip ?? '',
  });
}

export function addressLine(a: AddressDto): string {
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ');
}

/** A billing provider's ZIP needs all nine digits on a claim (the server says the same). */
export const zipPlus4: ValidatorFn = (control) => {
  const value = (control.value as string | null)?.trim();
  if (!value) return null;
  const zip = parseZipCode(value);
  if (!zip.ok || zip.value.length === 10) return null;
  return { zipPlus4: `Add the last four digits (ZIP+4, e.g. ${zip.value}-1234): payers require them on the billing address` };
};

/**
 * The fields of a US address in a fieldset whose legend names it ("Billing address"), so two
 * addresses on one page stay distinguishable for screen readers (and tests).
 */
@Component({
  selector: 'cl-address-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, FieldErrorComponent],
  providers: [{ provide: ErrorStateMatcher, useExisting: LiveErrorStateMatcher }],
  template: `
    <fieldset class="address" [attr.data-field]="field()" [formGroup]="group()">
      <legend>{{ legend() }}</legend>
      <div class="grid">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="line1">
          <mat-label>Street address</mat-label>
          <input matInput formControlName="line1" [attr.autocomplete]="section() + ' address-line1'" required />
          @if (streetHint()) { <mat-hint>{{ streetHint() }}</mat-hint> }
          <mat-error><cl-field-error [control]="group().controls.line1" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="line2">
          <mat-label>Suite, unit or floor (optional)</mat-label>
          <input matInput formControlName="line2" [attr.autocomplete]="section() + ' address-line2'" />
          <mat-error><cl-field-error [control]="group().controls.line2" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="city">
          <mat-label>City</mat-label>
          <input matInput formControlName="city" [attr.autocomplete]="section() + ' address-level2'" required />
          <mat-error><cl-field-error [control]="group().controls.city" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="state">
          <mat-label>State</mat-label>
          <select matNativeControl formControlName="state" [attr.autocomplete]="section() + ' address-level1'" required>
            <option value=""></option>
            @for (s of states; track s) { <option [value]="s">{{ s }}</option> }
          </select>
          <mat-error><cl-field-error [control]="group().controls.state" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="zip">
          <mat-label>ZIP code</mat-label>
          <input matInput formControlName="zip" inputmode="numeric" [attr.autocomplete]="section() + ' postal-code'" required />
          @if (zipHint()) { <mat-hint>{{ zipHint() }}</mat-hint> }
          <mat-error><cl-field-error [control]="group().controls.zip" /></mat-error>
        </mat-form-field>
      </div>
    </fieldset>
  `,
  styles: `
    .address { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 8px 16px 4px; margin: 0 0 16px; min-width: 0; container-type: inline-size; }
    legend { font: var(--mat-sys-title-small); padding: 0 6px; }
    .grid { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px 12px; margin-bottom: 8px; align-items: start; }
    .line1 { grid-column: span 4; } .line2 { grid-column: span 2; }
    .city { grid-column: span 3; } .state { grid-column: span 1; } .zip { grid-column: span 2; }
    mat-form-field { width: 100%; }
    /* By the fieldset's own width (it sits in pages and panels of different widths). */
    @container (max-width: 780px) { .line1, .line2 { grid-column: span 3; } .city { grid-column: span 3; } .state { grid-column: span 1; } .zip { grid-column: span 2; } }
    @container (max-width: 480px) { .line1, .line2, .city { grid-column: span 6; } .state { grid-column: span 2; } .zip { grid-column: span 4; } }
  `,
  // Default: control errors set after an API call (server errors) must show without an input change.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class AddressFieldsComponent {
  readonly group = input.required<AddressForm>();
  readonly legend = input.required<string>();
  /** `data-field` name, for `?focus=` links. */
  readonly field = input<string | null>(null);
  /** Autocomplete section, so a browser does not mix two addresses of one page. */
  readonly section = input('section-address');
  readonly streetHint = input<string | null>(null);
  readonly zipHint = input<string | null>(null);
  protected readonly states = US_STATE_LIKE_CODES;
}
