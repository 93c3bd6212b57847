import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Warning } from '@claimline/contracts/client-insurance';

/** Warnings the API returned with a record: they do not block the change, but need a look. */
@Component({
  selector: 'cl-warnings',
  template: `@if (warnings().length) {
    <div class="warn" role="status">
      @if (title()) {
        <strong>{{ title() }}</strong>
      }
      <ul>
        @for (w of warnings(); track w.code + w.message) {
          <li [attr.data-code]="w.code">{{ w.message }}</li>
        }
      </ul>
    </div>
  }`,
  styles: `
    .warn {
      background: #fff4d6;
      color: #5c3b00;
      border: 1px solid #e0b64c;
      border-left-width: 4px;
      border-radius: 8px;
      padding: 8px 12px;
      margin: 8px 0;
    }
    ul {
      margin: 4px 0 0;
      padding-left: 18px;
    }
    strong {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarningsComponent {
  readonly warnings = input<Warning[]>([]);
  readonly title = input<string | null>('Warning');
}
