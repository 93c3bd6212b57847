import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** A table row's Edit and Remove buttons, each named with the row ("Edit Main office") for screen readers. */
@Component({
  selector: 'cl-row-actions',
  imports: [MatButtonModule],
  template: `<div class="row-actions">
    <button mat-button type="button" (click)="edit.emit()" [attr.aria-label]="'Edit ' + name()">Edit</button>
    <button
      mat-button
      type="button"
      class="danger"
      (click)="remove.emit()"
      [attr.aria-label]="'Remove ' + name()"
    >
      Remove
    </button>
  </div>`,
  styles: `
    .row-actions {
      display: flex;
      gap: 4px;
      justify-content: flex-end;
      flex-wrap: wrap;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    @media (max-width: 1023px) {
      .row-actions {
        flex-direction: column;
        align-items: flex-end;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowActionsComponent {
  /** What the row is, as the buttons name it. */
  readonly name = input.required<string>();
  readonly edit = output<void>();
  readonly remove = output<void>();
}
