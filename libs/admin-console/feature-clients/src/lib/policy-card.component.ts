import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import { ErrorBannerComponent, formatAddress, formatDate } from '@claimline/admin-console/ui-common';
import type { PolicyView } from '@claimline/contracts/client-insurance';
import type { InsuranceOrder } from '@claimline/domain';
import { AuthorizationsComponent } from './authorizations.component';
import { EligibilityComponent } from './eligibility.component';
import { InsuranceCardComponent } from './insurance-card.component';
import { ORDER_LABELS, RELATIONSHIP_LABELS, SEX_LABELS } from './labels';
import { PolicyFormComponent } from './policy-form.component';
import { WarningsComponent } from './warnings.component';

/** One policy: what is on file, its warnings, change/remove, the card images and prior authorizations. */
@Component({
  selector: 'cl-policy-card',
  imports: [
    MatButtonModule,
    ErrorBannerComponent,
    WarningsComponent,
    PolicyFormComponent,
    InsuranceCardComponent,
    AuthorizationsComponent,
    EligibilityComponent,
  ],
  template: `
    <article
      class="policy"
      [attr.data-field]="'policy-' + policy().order"
      [attr.aria-labelledby]="'policy-h-' + policy().id"
      data-testid="policy"
    >
      <header class="head">
        <h3 [id]="'policy-h-' + policy().id">{{ orderLabel() }} insurance — {{ policy().payer.name }}</h3>
        @if (!editing() && !confirming()) {
          <div class="cl-actions">
            <button mat-stroked-button type="button" (click)="editing.set(true)">
              Change<span class="cl-visually-hidden"> {{ orderLabel().toLowerCase() }} insurance</span>
            </button>
            <button mat-button type="button" (click)="confirming.set(true)">
              Remove<span class="cl-visually-hidden"> {{ orderLabel().toLowerCase() }} insurance</span>
            </button>
          </div>
        }
      </header>
      <cl-warnings [warnings]="policy().warnings" title="Check this policy" />
      @if (confirming()) {
        <div class="confirm" role="alertdialog" [attr.aria-labelledby]="'confirm-' + policy().id">
          <p [id]="'confirm-' + policy().id">
            Remove the {{ orderLabel().toLowerCase() }} insurance ({{ policy().payer.name }})? It is kept for
            history but no longer billed.
          </p>
          <div class="cl-actions">
            <button mat-flat-button type="button" class="danger" (click)="remove()" [disabled]="busy()">
              {{ busy() ? 'Removing…' : 'Remove policy' }}
            </button>
            <button mat-button type="button" (click)="confirming.set(false)">Keep it</button>
          </div>
        </div>
      }
      <cl-error-banner [problem]="problem()" />
      @if (editing()) {
        <cl-policy-form
          [practiceId]="practiceId()"
          [clientId]="policy().clientId"
          [policy]="policy()"
          [takenOrders]="takenOrders()"
          (saved)="changedTo($event)"
          (cancelled)="editing.set(false)"
        />
      } @else {
        <dl class="facts">
          <div>
            <dt>Payer ID</dt>
            <dd>{{ policy().payer.payerId }}</dd>
          </div>
          <div>
            <dt>Member ID</dt>
            <dd class="mono">{{ policy().memberId }}</dd>
          </div>
          <div>
            <dt>Group number</dt>
            <dd>{{ policy().groupNumber || '—' }}</dd>
          </div>
          <div>
            <dt>Plan</dt>
            <dd>{{ policy().planName || '—' }}</dd>
          </div>
          <div>
            <dt>Coverage</dt>
            <dd>{{ coverage() }}</dd>
          </div>
          <div>
            <dt>Relationship to insured</dt>
            <dd>{{ relationship() }}</dd>
          </div>
          @if (policy().subscriber; as s) {
            <div class="wide">
              <dt>Primary insured</dt>
              <dd>
                {{ s.firstName }} {{ s.lastName }}, born {{ date(s.birthDate) }}, {{ sexLabel(s.sex) }} ·
                {{ address(s.address) }}
              </dd>
            </div>
          }
        </dl>
      }
      <cl-eligibility [practiceId]="practiceId()" [policy]="policy()" />
      <cl-insurance-card [practiceId]="practiceId()" [policy]="policy()" />
      <cl-authorizations [practiceId]="practiceId()" [policy]="policy()" />
    </article>
  `,
  styles: `
    .policy {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    .facts .wide {
      grid-column: 1 / -1;
    }
    dt {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, monospace;
    }
    .confirm {
      background: var(--mat-sys-surface-container);
      border-radius: 8px;
      padding: 8px 12px;
    }
    .confirm p {
      margin: 0 0 8px;
    }
    .danger {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyCardComponent {
  readonly practiceId = input.required<string>();
  readonly policy = input.required<PolicyView>();
  readonly takenOrders = input<InsuranceOrder[]>([]);
  readonly changed = output<PolicyView>();
  readonly removed = output<PolicyView>();
  private readonly api = inject(ClientsApi);
  protected readonly editing = signal(false);
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly orderLabel = computed(() => ORDER_LABELS[this.policy().order]);
  protected readonly relationship = computed(() => RELATIONSHIP_LABELS[this.policy().relationship]);
  protected readonly coverage = computed(() => {
    const p = this.policy();
    if (!p.coverageStart && !p.coverageEnd) return 'Not given';
    return `${p.coverageStart ? formatDate(p.coverageStart) : 'open'} – ${p.coverageEnd ? formatDate(p.coverageEnd) : 'open'}`;
  });
  protected readonly date = formatDate;
  protected readonly address = formatAddress;
  protected readonly sexLabel = (s: keyof typeof SEX_LABELS) => SEX_LABELS[s];

  protected changedTo(p: PolicyView): void {
    this.editing.set(false);
    this.changed.emit(p);
  }

  protected async remove(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.api.removePolicy(this.practiceId(), this.policy().id);
      this.removed.emit(this.policy());
    } catch (e) {
      this.problem.set(toProblem(e));
      this.confirming.set(false);
    } finally {
      this.busy.set(false);
    }
  }
}
