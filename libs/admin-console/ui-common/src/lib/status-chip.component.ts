import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type ChipTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A small coloured label for a status; the text carries the meaning, colour only helps. */
@Component({
  selector: 'cl-status-chip',
  template: `<span [class]="'chip tone-' + tone()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 12px;
      font-weight: 600;
      line-height: 20px;
      white-space: nowrap;
    }
    .tone-neutral {
      background: #eceff1;
      color: #37474f;
    }
    .tone-info {
      background: #e3f2fd;
      color: #0d47a1;
    }
    .tone-success {
      background: #e8f5e9;
      color: #1b5e20;
    }
    .tone-warning {
      background: #fff8e1;
      color: #7a4f01;
    }
    .tone-danger {
      background: #ffebee;
      color: #b71c1c;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChipComponent {
  readonly label = input.required<string>();
  readonly tone = input<ChipTone>('neutral');
}
