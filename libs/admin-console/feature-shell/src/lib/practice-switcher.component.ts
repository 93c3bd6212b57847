import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { PracticeContext, type PracticeSummary } from '@claimline/admin-console/data-access-core';

/** Type-ahead over the practices the user may see; picking one opens it. */
@Component({
  selector: 'cl-practice-switcher',
  imports: [FormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="switcher">
      <mat-label>Switch practice</mat-label>
      <input
        matInput
        type="search"
        [placeholder]="context.current()?.name ?? 'Search practices'"
        [ngModel]="text()"
        (ngModelChange)="search($event)"
        (focus)="search(text())"
        [matAutocomplete]="auto"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="open($event)">
        @for (p of options(); track p.id) {
          <mat-option [value]="p"
            >{{ p.name }} <small>· {{ p.type === 'solo' ? 'Solo' : 'Group' }}</small></mat-option
          >
        } @empty {
          @if (searched()) {
            <mat-option disabled>No practice matches</mat-option>
          }
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .switcher {
      width: 280px;
      font-size: 14px;
    }
    @media (max-width: 700px) {
      .switcher {
        width: 170px;
      }
    }
    @media (max-width: 600px) {
      :host {
        display: block;
      }
      .switcher {
        width: 100%;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PracticeSwitcherComponent {
  protected readonly context = inject(PracticeContext);
  private readonly router = inject(Router);
  protected readonly text = signal('');
  protected readonly options = signal<PracticeSummary[]>([]);
  protected readonly searched = signal(false);
  private seq = 0;

  async search(text: string | PracticeSummary): Promise<void> {
    if (typeof text !== 'string') return;
    this.text.set(text);
    const mine = ++this.seq;
    const page = await this.context.search(text, 10).catch(() => null);
    if (mine !== this.seq) return; // a later keystroke won
    this.options.set(page?.items ?? []);
    this.searched.set(true);
  }

  async open(event: MatAutocompleteSelectedEvent): Promise<void> {
    const p = event.option.value as PracticeSummary;
    this.text.set('');
    await this.router.navigate(['/practices', p.id]);
  }
}
