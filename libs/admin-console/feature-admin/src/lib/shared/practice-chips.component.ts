import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PracticeDirectory } from '@claimline/admin-console/data-access-admin';
import type { PracticePick } from './practice-field.component';

/** Several practices, picked one by one from a type-ahead and shown as removable chips. */
@Component({
  selector: 'cl-practice-chips',
  imports: [MatAutocompleteModule, MatChipsModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" class="full" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid class="grid" [attr.aria-label]="'Selected ' + label().toLowerCase()">
        @for (p of selected(); track p.id) {
          <mat-chip-row (removed)="remove(p)">
            {{ p.name }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + p.name">×</button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <input
        #box
        type="search"
        autocomplete="off"
        placeholder="Type a practice name"
        [matChipInputFor]="grid"
        [matAutocomplete]="auto"
        (input)="search(box.value)"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [autoActiveFirstOption]="true"
        (optionSelected)="add($event); box.value = ''; options.set([]); searched.set(false)"
      >
        @for (p of options(); track p.id) {
          <mat-option [value]="p" [disabled]="isSelected(p)"
            >{{ p.name }}{{ isSelected(p) ? ' (added)' : '' }}</mat-option
          >
        } @empty {
          @if (searched()) {
            <mat-option disabled>No practice name starts with “{{ box.value }}”</mat-option>
          }
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
    /* A long list scrolls inside the field; the type-ahead below it stays in view. */
    .grid {
      display: block;
      max-height: 13rem;
      overflow-y: auto;
    }
    button[matChipRemove] {
      border: 0;
      background: none;
      font-size: 16px;
      cursor: pointer;
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeChipsComponent {
  private readonly directory = inject(PracticeDirectory);
  readonly selected = model<PracticePick[]>([]);
  readonly label = input('Practices');
  readonly hint = input<string | null>(null);
  protected readonly options = signal<PracticePick[]>([]);
  protected readonly searched = signal(false);
  private seq = 0;

  protected isSelected(p: PracticePick): boolean {
    return this.selected().some((s) => s.id === p.id);
  }

  protected add(event: MatAutocompleteSelectedEvent): void {
    const p = event.option.value as PracticePick;
    if (!this.isSelected(p)) this.selected.set([...this.selected(), p]);
  }

  protected remove(p: PracticePick): void {
    this.selected.set(this.selected().filter((s) => s.id !== p.id));
  }

  /** Searches only once something is typed, so removing a chip does not pop the list open. */
  protected async search(text: string): Promise<void> {
    const mine = ++this.seq;
    if (!text.trim()) {
      this.options.set([]);
      this.searched.set(false);
      return;
    }
    const found = await this.directory.search(text, 10).catch(() => null);
    if (mine !== this.seq) return;
    this.options.set((found ?? []).map((p) => ({ id: p.id, name: p.name })));
    this.searched.set(found !== null);
  }
}
