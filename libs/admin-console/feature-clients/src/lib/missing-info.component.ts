import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ClientMissingInfo, MissingItem } from '@claimline/contracts/client-insurance';

/**
 * What is still missing before the client can be billed (from the API), each with a link to the
 * tab (and field) where it is fixed. The API's `fixAt` is relative to the practice.
 */
@Component({
  selector: 'cl-missing-info',
  imports: [RouterLink],
  template: `
    <section class="panel" [class.done]="info()?.complete" aria-labelledby="missing-h">
      <h2 id="missing-h">Billing information</h2>
      @if (info(); as i) {
        @if (i.complete) {
          <p role="status">Complete: nothing required for claims is missing.</p>
        } @else {
          <p>
            {{ i.missing.length === 1 ? 'One thing is' : i.missing.length + ' things are' }} missing before
            claims can be sent:
          </p>
          <ul>
            @for (m of i.missing; track m.field) {
              <li>
                <span>{{ m.message }}</span>
                <a [routerLink]="link(m)" [fragment]="m.field">{{ where(m) }}</a>
              </li>
            }
          </ul>
        }
      } @else {
        <p>Checking…</p>
      }
    </section>
  `,
  styles: `
    .panel {
      border: 1px solid #f0c36d;
      background: #fffaf0;
      border-radius: 12px;
      padding: 12px 16px;
    }
    .panel.done {
      border-color: var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    p {
      margin: 0 0 8px;
    }
    ul {
      margin: 0;
      padding-left: 18px;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    li a {
      margin-left: 6px;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MissingInfoComponent {
  readonly info = input<ClientMissingInfo | null>(null);
  readonly practiceId = input.required<string>();
  protected readonly base = computed(() => `/practices/${this.practiceId()}`);

  protected link(m: MissingItem): string {
    return `${this.base()}${m.fixAt.startsWith('/') ? '' : '/'}${m.fixAt}`;
  }

  protected where(m: MissingItem): string {
    return m.fixAt.endsWith('/insurance')
      ? 'Fix on Insurance'
      : m.fixAt.endsWith('/profile')
        ? 'Fix on Profile'
        : 'Fix it';
  }
}
