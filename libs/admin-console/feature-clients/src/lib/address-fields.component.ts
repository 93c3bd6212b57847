import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FieldErrorComponent } from '@claimline/admin-console/ui-common';
import { STATE_OPTIONS, type AddressForm } from './forms';

/** The fields of one address (client or subscriber), inside the parent's form. */
@Component({
  selector: 'cl-address-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, FieldErrorComponent],
  template: `
    <fieldset class="address" [formGroup]="group()">
      <legend>{{ legend() }}</legend>
      <div class="grid">
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Street address</mat-label>
          <input matInput formControlName="line1" [id]="idPrefix() + '-line1'" autocomplete="off" />
          <mat-error><cl-field-error [control]="group().controls.line1" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Apartment, suite (optional)</mat-label>
          <input matInput formControlName="line2" [id]="idPrefix() + '-line2'" autocomplete="off" />
          <mat-error><cl-field-error [control]="group().controls.line2" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>City</mat-label>
          <input matInput formControlName="city" [id]="idPrefix() + '-city'" autocomplete="off" />
          <mat-error><cl-field-error [control]="group().controls.city" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>State</mat-label>
          <mat-select formControlName="state" [id]="idPrefix() + '-state'">
            <mat-option value="">—</mat-option>
            @for (s of states; track s) {
              <mat-option [value]="s">{{ s }}</mat-option>
            }
          </mat-select>
          <mat-error><cl-field-error [control]="group().controls.state" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>ZIP code</mat-label>
          <input matInput formControlName="zip" [id]="idPrefix() + '-zip'" inputmode="numeric" autocomplete="off" />
          <mat-error><cl-field-error [control]="group().controls.zip" /></mat-error>
        </mat-form-field>
      </div>
    </fieldset>
  `,
  styles: `
    .address { border: 0; padding: 0; margin: 0; min-width: 0; }
    legend { font: var(--mat-sys-title-small); margin-bottom: 8px; padding: 0; }
    .grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0 16px; }
    .wide { grid-column: span 3; }
    @media (min-width: 1100px) { .wide { grid-column: span 3; } }
    @media (max-width: 600px) { .grid { grid-template-columns: 1fr; } .wide { grid-column: auto; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddressFieldsComponent {
  readonly group = input.required<AddressForm>();
  readonly legend = input('Address');
  readonly idPrefix = input('address');
  protected readonly states = STATE_OPTIONS;
}
