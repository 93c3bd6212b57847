import { booleanAttribute, ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { US_DISTRICT_CODES, US_STATE_CODES, US_TERRITORY_CODES } from '@claimline/domain';
import { US_STATES } from '@claimline/reference-data';
import type { AddressForm } from './address.form';
import { provideLiveErrors } from './error-state';
import { FieldErrorComponent } from './field-error.component';
import { ClValidators } from './validators';

/** The codes the API's addresses accept: states, DC and territories (not the military AA/AE/AP). */
const STATE_CODES: readonly string[] = [
  ...US_STATE_CODES,
  ...US_DISTRICT_CODES,
  ...US_TERRITORY_CODES,
].sort();

const STATE_NAMES = new Map<string, string>(US_STATES.map((s) => [s.code, s.name]));

/**
 * The State picker's choices: the code, which the closed field shows, and the name, which the
 * list shows beside it (people look for "Massachusetts", not always know "MA"), in code order so
 * typing a letter still jumps to the codes starting with it.
 */
export const STATE_CHOICES: readonly { code: string; name: string }[] = STATE_CODES.map((code) => ({
  code,
  name: STATE_NAMES.get(code) ?? code,
}));

/**
 * The fields of one US address (an `addressGroup`) in a fieldset whose legend names it ("Billing
 * address", "Insured’s address"), so two addresses on one page stay distinguishable for screen
 * readers and tests. Required marks, the ZIP hint and the blank State option follow the group's
 * rules. Fields show their errors as they are typed.
 */
@Component({
  selector: 'cl-address-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, FieldErrorComponent],
  providers: [provideLiveErrors()],
  template: `
    <fieldset class="address" [class.framed]="framed()" [attr.data-field]="field()" [formGroup]="group()">
      <legend>{{ legend() }}</legend>
      <div class="grid">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="line1">
          <mat-label>Street address</mat-label>
          <input matInput formControlName="line1" autocomplete="off" />
          @if (streetHint()) {
            <mat-hint>{{ streetHint() }}</mat-hint>
          }
          <mat-error><cl-field-error [control]="group().controls.line1" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="line2">
          <mat-label>Suite or apartment (optional)</mat-label>
          <input matInput formControlName="line2" autocomplete="off" />
          <mat-error><cl-field-error [control]="group().controls.line2" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="city">
          <mat-label>City</mat-label>
          <input matInput formControlName="city" autocomplete="off" />
          <mat-error><cl-field-error [control]="group().controls.city" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="state">
          <mat-label>State</mat-label>
          <mat-select formControlName="state" panelWidth="" panelClass="cl-state-panel">
            <mat-select-trigger>{{ group().controls.state.value }}</mat-select-trigger>
            <!-- An optional address can be emptied again; the choice is offered once a state is chosen. -->
            @if (!required() && group().controls.state.value) {
              <mat-option value="">None</mat-option>
            }
            @for (s of states; track s.code) {
              <mat-option [value]="s.code">{{ s.code }} · {{ s.name }}</mat-option>
            }
          </mat-select>
          <mat-error><cl-field-error [control]="group().controls.state" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="zip">
          <mat-label>ZIP code</mat-label>
          <input matInput formControlName="zip" inputmode="numeric" autocomplete="off" />
          <mat-hint>{{ plus4() ? 'ZIP+4, as 12345-6789' : '5 digits, or ZIP+4 as 12345-6789' }}</mat-hint>
          <mat-error><cl-field-error [control]="group().controls.zip" /></mat-error>
        </mat-form-field>
      </div>
    </fieldset>
  `,
  styles: `
    .address {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
      min-width: 0;
      container-type: inline-size;
    }
    .address.framed {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px 12px;
    }
    legend {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
      padding: 0;
      margin-bottom: 8px;
    }
    .framed legend {
      padding: 0 6px;
      margin-bottom: 0;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(6, minmax(0, 1fr));
      gap: 12px;
      align-items: start;
    }
    .framed .grid {
      margin-top: 4px;
    }
    .line1,
    .line2 {
      grid-column: span 3;
    }
    .city,
    .state,
    .zip {
      grid-column: span 2;
    }
    mat-form-field {
      width: 100%;
    }
    /* By the fieldset's own width: it sits in pages, panels and dialogs of different widths. */
    @container (max-width: 480px) {
      .line1,
      .line2,
      .city {
        grid-column: span 6;
      }
      .state,
      .zip {
        grid-column: span 3;
      }
    }
    .state {
      min-width: 96px;
    }
  `,
  // Default: errors the server puts on the controls after a save must show without an input change.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class AddressFieldsComponent {
  readonly group = input.required<AddressForm>();
  readonly legend = input.required<string>();
  /** `data-field` name, for links that put the cursor on the address (`?focus=billingAddress`). */
  readonly field = input<string | null>(null);
  /** A border around the fieldset, where the other parts of the form have one too. */
  readonly framed = input(false, { transform: booleanAttribute });
  readonly streetHint = input<string | null>(null);
  protected readonly states = STATE_CHOICES;

  protected required(): boolean {
    return this.group().controls.state.hasValidator(Validators.required);
  }

  protected plus4(): boolean {
    return this.group().controls.zip.hasValidator(ClValidators.zipPlus4);
  }
}
