import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import {
  type AbstractControl,
  type FormControl,
  ReactiveFormsModule,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PracticeDirectory } from '@claimline/admin-console/data-access-admin';
import { FieldErrorComponent } from '@claimline/admin-console/ui-common';

/** A practice picked from the type-ahead; while the user types, the control holds the text. */
export interface PracticePick {
  id: string;
  name: string;
}
export type PracticeChoice = PracticePick | string | null;

export const isPick = (v: unknown): v is PracticePick =>
  typeof v === 'object' && v !== null && typeof (v as PracticePick).id === 'string';

/** The value must be a practice chosen from the list (typed text alone is not enough). */
export function pickedPractice(required: boolean): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const v = control.value as PracticeChoice;
    if (isPick(v)) return null;
    if (typeof v === 'string' && v.trim()) return { practice: 'Pick a practice from the list' };
    return required ? { required: true } : null;
  };
}

/** Type-ahead over GET /practices?search= (names starting with the text), bound to a form control. */
@Component({
  selector: 'cl-practice-field',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorComponent,
  ],
  template: `
    <mat-form-field appearance="outline" class="full" [subscriptSizing]="dense() ? 'dynamic' : 'fixed'">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        [formControl]="control()"
        [matAutocomplete]="auto"
        [required]="required()"
        (input)="search($any($event.target).value)"
        (focus)="search(text())"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" [autoActiveFirstOption]="true">
        @for (p of options(); track p.id) {
          <mat-option [value]="p">{{ p.name }}</mat-option>
        } @empty {
          @if (searched()) {
            <mat-option disabled>No practice name starts with “{{ text() }}”</mat-option>
          }
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error><cl-field-error [control]="control()" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeFieldComponent {
  private readonly directory = inject(PracticeDirectory);
  readonly control = input.required<FormControl<PracticeChoice>>();
  readonly label = input('Practice');
  readonly hint = input<string | null>(null);
  readonly required = input(false);
  /** No reserved room for a hint or error below (filter bars). */
  readonly dense = input(false);
  protected readonly options = signal<PracticePick[]>([]);
  protected readonly searched = signal(false);
  protected readonly text = signal('');
  private seq = 0;

  protected readonly display = (v: PracticeChoice): string => (isPick(v) ? v.name : (v ?? ''));

  protected async search(value: unknown): Promise<void> {
    const text = typeof value === 'string' ? value : '';
    this.text.set(text);
    const mine = ++this.seq;
    const found = await this.directory.search(text, 10).catch(() => null);
    if (mine !== this.seq) return; // a later keystroke won
    this.options.set((found ?? []).map((p) => ({ id: p.id, name: p.name })));
    this.searched.set(found !== null);
  }
}
