import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import { ErrorBannerComponent } from '@claimline/admin-console/ui-common';
import type { EligibilityCheckView, PolicyView } from '@claimline/contracts/client-insurance';
import { eligibilityHeadline } from './eligibility-words';
import { formatDate } from '@claimline/admin-console/ui-common';

/**
 * A policy's last eligibility check (date asked, when, active or not, the behavioural-health
 * benefits in words, the payer's messages) and "Check eligibility now" (270 → 271 through the
 * clearinghouse).
 */
@Component({
  selector: 'cl-eligibility',
  imports: [MatButtonModule, ErrorBannerComponent],
  template: `
    <section class="eligibility" [attr.aria-labelledby]="'elig-h-' + policy().id" data-testid="eligibility">
      <div class="head">
        <h4 [id]="'elig-h-' + policy().id">Eligibility</h4>
        <button mat-stroked-button type="button" (click)="check()" [disabled]="busy()">
          {{ busy() ? 'Asking the payer…' : 'Check eligibility now' }}
        </button>
      </div>
      <cl-error-banner [problem]="problem()" />
      @if (loading()) {
        <p class="muted">Loading the last check…</p>
      } @else if (last(); as c) {
        <p class="headline" [class.bad]="c.outcome !== 'active'" data-testid="eligibility-outcome">
          {{ headline(c) }}
        </p>
        <p class="muted">
          Asked for {{ date(c.date) }} · checked {{ when(c.checkedAt) }} · {{ c.payerName }}
        </p>
        <ul class="summary">
          @for (line of c.summary.slice(1); track $index) {
            <li>{{ line }}</li>
          }
        </ul>
        @if (c.messages.length) {
          <div class="messages">
            <span class="muted">The payer says:</span>
            <ul>
              @for (m of c.messages; track $index) {
                <li>{{ m }}</li>
              }
            </ul>
          </div>
        }
      } @else {
        <p class="muted">Not checked yet.</p>
      }
    </section>
  `,
  styles: `
    .eligibility {
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding-top: 12px;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    h4 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .headline {
      font-weight: 500;
      margin: 8px 0 0;
    }
    .headline.bad {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
      margin: 4px 0;
    }
    .summary,
    .messages ul {
      margin: 4px 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EligibilityComponent {
  readonly practiceId = input.required<string>();
  readonly policy = input.required<PolicyView>();
  private readonly api = inject(ClientsApi);
  protected readonly last = signal<EligibilityCheckView | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly headline = eligibilityHeadline;
  protected readonly date = formatDate;
  protected readonly when = (iso: string) => formatDate(iso, 'datetime');

  constructor() {
    effect(() => {
      const id = this.policy().id;
      untracked(() => void this.load(id));
    });
  }

  protected async check(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      this.last.set(await this.api.checkEligibility(this.practiceId(), this.policy().id));
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(policyId: string): Promise<void> {
    this.loading.set(true);
    try {
      this.last.set(await this.api.lastEligibility(this.practiceId(), policyId));
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
