import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { debounceTime, distinctUntilChanged, filter, map, Subscription, switchMap, tap } from 'rxjs';
import { PracticeSettingsApi } from '@claimline/admin-console/data-access-practices';
import { BlurErrorStateMatcher, FieldErrorComponent } from '@claimline/admin-console/ui-common';
import { isTaxonomyCodeFormat } from '@claimline/domain';
import type { TaxonomyEntry } from '@claimline/reference-data';

const CODE_PREFIX = /^\s*([0-9A-Za-z]{9}[Xx])\b/;

/**
 * The code held by a taxonomy control: while the person types, the control holds the search
 * text; once an option is picked (or a whole code typed), the code. Empty means none.
 */
export function taxonomyCodeOf(value: string | null | undefined): string | null {
  const match = CODE_PREFIX.exec(value ?? '');
  return match ? match[1].toUpperCase() : null;
}

/** Refuses search text that was never turned into a code. */
export const taxonomyChoice: ValidatorFn = (control) => {
  const value = ((control.value as string | null) ?? '').trim();
  if (!value) return null;
  const code = taxonomyCodeOf(value);
  return code && isTaxonomyCodeFormat(code)
    ? null
    : {
        taxonomyChoice:
          'Pick a taxonomy from the list (search by name, e.g. clinical social worker), or type its 10-character code',
      };
};

/** "1041C0700X · Social Worker, Clinical" */
export function taxonomyLabel(entry: TaxonomyEntry): string {
  return `${entry.code} · ${entry.specialization ? `${entry.classification}, ${entry.specialization}` : entry.classification}`;
}

/**
 * Type-ahead over the NUCC taxonomy: searches by name, licence or code as the person types
 * (debounced), shows code and classification / specialization, and is keyboard selectable
 * (arrows, Enter). Bind it to a `FormControl<string>` with the `taxonomyChoice` validator;
 * read the chosen code with `taxonomyCodeOf(control.value)`.
 */
@Component({
  selector: 'cl-taxonomy-autocomplete',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorComponent,
  ],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
      <mat-label>{{ label() }}</mat-label>
      <input
        #box
        matInput
        type="text"
        [formControl]="control()"
        [matAutocomplete]="auto"
        [errorStateMatcher]="blurErrors"
        [attr.data-field]="field()"
        autocomplete="off"
        spellcheck="false"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [autoActiveFirstOption]="true"
        [displayWith]="display"
        (optionSelected)="picked()"
      >
        @for (t of options(); track t.code) {
          <mat-option [value]="t.code" [disabled]="t.deactivated">
            <span class="code">{{ t.code }}</span>
            <span class="name"
              >{{ t.classification }}
              @if (t.specialization) {
                , {{ t.specialization }}
              }
            </span>
            @if (t.section === 'Non-Individual') {
              <span class="tag">organization</span>
            }
            @if (t.deactivated) {
              <span class="tag">deactivated</span>
            }
          </mat-option>
        }
        @if (searched() && !searching() && options().length === 0) {
          <mat-option disabled>No taxonomy matches "{{ lastSearch() }}"</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ searching() ? 'Searching…' : (chosen() ?? hint()) }}</mat-hint>
      <mat-error><cl-field-error [control]="control()" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-weight: 600;
      margin-right: 8px;
    }
    .tag {
      margin-left: 8px;
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  // Default: server errors set on the control after a save must show without an input change.
  changeDetection: ChangeDetectionStrategy.Default,
})
export class TaxonomyAutocompleteComponent {
  private readonly api = inject(PracticeSettingsApi);
  private readonly destroyRef = inject(DestroyRef);
  readonly control = input.required<FormControl<string>>();
  readonly label = input('Taxonomy code');
  readonly hint = input('Search by name or code, e.g. clinical social worker');
  /** `data-field` name, for `?focus=` links. */
  readonly field = input<string | null>('taxonomyCode');

  protected readonly blurErrors = inject(BlurErrorStateMatcher);
  protected readonly options = signal<TaxonomyEntry[]>([]);
  protected readonly searching = signal(false);
  protected readonly searched = signal(false);
  protected readonly lastSearch = signal('');
  private readonly names = signal<ReadonlyMap<string, TaxonomyEntry>>(new Map());
  private readonly box = viewChild<ElementRef<HTMLInputElement>>('box');

  /** The name of a code typed whole (the hint confirms what it is). */
  protected chosen(): string | null {
    const value = this.control().value?.trim().toUpperCase() ?? '';
    // Once the input shows "code · name", the hint need not repeat it.
    if (this.box()?.nativeElement.value.includes('·')) return null;
    const entry = this.names().get(value);
    return entry ? `${entry.displayName}${entry.deactivated ? ' (deactivated: choose another)' : ''}` : null;
  }

  /** Shows a picked code with its name; search text as typed. */
  protected readonly display = (value: string | null): string => {
    const code = taxonomyCodeOf(value);
    const entry = code ? this.names().get(code) : undefined;
    return entry && value?.trim().toUpperCase() === code ? taxonomyLabel(entry) : (value ?? '');
  };

  constructor() {
    let sub: Subscription | null = null;
    effect(() => {
      const control = this.control();
      untracked(() => {
        sub?.unsubscribe();
        sub = this.watch(control);
        void this.describe(control.value);
      });
    });
    this.destroyRef.onDestroy(() => sub?.unsubscribe());
  }

  protected picked(): void {
    this.control().markAsDirty();
  }

  private watch(control: FormControl<string>): Subscription {
    return control.valueChanges
      .pipe(
        map((v) => (v ?? '').trim()),
        tap((text) => void this.describe(text)),
        debounceTime(250),
        distinctUntilChanged(),
        filter((text) => {
          // A code picked from the list (or shown as "code · name") needs no search.
          const code = taxonomyCodeOf(text);
          if (code && this.names().has(code) && text.toUpperCase().startsWith(code)) return false;
          if (text.length < 2) {
            this.options.set([]);
            this.searched.set(false);
            return false;
          }
          return true;
        }),
        switchMap(async (text) => {
          this.searching.set(true);
          try {
            return { text, items: await this.api.searchTaxonomy(text, 12) };
          } catch {
            return { text, items: [] as TaxonomyEntry[] };
          } finally {
            this.searching.set(false);
          }
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ text, items }) => {
        this.remember(items);
        this.options.set(items);
        this.lastSearch.set(text);
        this.searched.set(true);
      });
  }

  /** Loads the name of a code already on file, then redraws the input with it. */
  private async describe(value: string): Promise<void> {
    const code = value.trim().toUpperCase();
    if (!isTaxonomyCodeFormat(code) || this.names().has(code)) return;
    const entry = await this.api.taxonomy(code);
    if (!entry) return;
    this.remember([entry]);
    const control = this.control();
    // Redraw as "code · name" unless the person is typing in the field.
    if (this.box()?.nativeElement !== document.activeElement && control.value.trim().toUpperCase() === code) {
      control.setValue(control.value, { emitEvent: false });
    }
  }

  private remember(items: TaxonomyEntry[]): void {
    if (!items.length) return;
    const next = new Map(this.names());
    for (const t of items) next.set(t.code, t);
    this.names.set(next);
  }
}
