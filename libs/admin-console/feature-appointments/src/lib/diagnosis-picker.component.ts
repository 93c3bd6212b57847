import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormArray, FormControl, FormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AppointmentsApi } from '@claimline/admin-console/data-access-claims';
import { FieldErrorComponent } from '@claimline/admin-console/ui-common';
import type { DiagnosisCode } from '@claimline/reference-data';

const MAX_DIAGNOSES = 12;

/**
 * The appointment's diagnoses in claim order (the first is the principal one): search ICD-10-CM by
 * code or words as you type (billable codes only), pick to add, remove any. Each code's server
 * error (`diagnoses.<i>`) shows on its row; the list's own under the search.
 */
@Component({
  selector: 'cl-diagnosis-picker',
  imports: [
    FormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorComponent,
  ],
  template: `
    <fieldset class="part" data-field="diagnoses">
      <legend>Diagnoses (ICD-10-CM)</legend>
      <ol class="codes">
        @for (c of codes().controls; track c; let i = $index) {
          <li [attr.data-field]="'diagnoses.' + i">
            <span class="mono">{{ c.value }}</span>
            <span class="title">{{ titles()[c.value] ?? '' }}</span>
            <button mat-button type="button" (click)="remove(i)" [attr.aria-label]="'Remove ' + c.value">
              Remove
            </button>
            @if (c.errors) {
              <span class="error" role="alert"><cl-field-error [control]="c" /></span>
            }
          </li>
        }
      </ol>
      @if (codes().length < max) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Add a diagnosis</mat-label>
          <input
            matInput
            type="text"
            [ngModel]="text()"
            (ngModelChange)="typed($event)"
            [matAutocomplete]="auto"
            autocomplete="off"
            spellcheck="false"
          />
          <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked($event)">
            @for (d of options(); track d.code) {
              <mat-option [value]="d.display"
                ><span class="mono">{{ d.display }}</span> {{ d.shortTitle }}</mat-option
              >
            }
          </mat-autocomplete>
          <mat-hint>Search by code or words, e.g. F43.10 or ptsd</mat-hint>
        </mat-form-field>
      }
      @if (codes().errors) {
        <p class="error" role="alert"><cl-field-error [control]="codes()" /></p>
      }
    </fieldset>
  `,
  styles: `
    .part {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px 12px;
      margin: 0 0 16px;
    }
    .codes {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-weight: 600;
      margin-right: 8px;
    }
    .title {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      display: block;
      color: var(--mat-sys-error);
      font-size: 13px;
    }
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.Default,
})
export class DiagnosisPickerComponent {
  private readonly api = inject(AppointmentsApi);
  readonly codes = input.required<FormArray<FormControl<string>>>();
  protected readonly max = MAX_DIAGNOSES;
  protected readonly text = signal('');
  protected readonly options = signal<DiagnosisCode[]>([]);
  protected readonly titles = signal<Record<string, string>>({});
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  /** Names the codes already on the appointment. */
  describe(): void {
    for (const c of this.codes().controls)
      void this.api.diagnosis(c.value).then((d) => d && this.remember([d]));
  }

  protected typed(value: string): void {
    this.text.set(value);
    clearTimeout(this.timer);
    const mine = ++this.seq;
    this.timer = setTimeout(async () => {
      const found = value.trim().length >= 2 ? await this.api.searchDiagnoses(value).catch(() => []) : [];
      if (mine === this.seq) this.options.set(found);
    }, 250);
  }

  protected picked(e: MatAutocompleteSelectedEvent): void {
    const display = e.option.value as string;
    const entry = this.options().find((d) => d.display === display);
    if (entry) this.remember([entry]);
    if (!this.codes().controls.some((c) => c.value === display))
      this.codes().push(new FormControl(display, { nonNullable: true }));
    this.codes().markAsDirty();
    this.codes().setErrors(null);
    this.text.set('');
    this.options.set([]);
  }

  protected remove(i: number): void {
    this.codes().removeAt(i);
    this.codes().markAsDirty();
  }

  private remember(items: DiagnosisCode[]): void {
    this.titles.update((t) => ({ ...t, ...Object.fromEntries(items.map((d) => [d.display, d.shortTitle])) }));
  }
}
