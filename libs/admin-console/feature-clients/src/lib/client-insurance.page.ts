import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { routeFragment, toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  injectFieldFocus,
  LoadingComponent,
} from '@claimline/admin-console/ui-common';
import type { PolicyView } from '@claimline/contracts/client-insurance';
import { INSURANCE_ORDERS, type BillingType } from '@claimline/domain';
import { ClientStore } from './client.store';
import { PolicyCardComponent } from './policy-card.component';
import { PolicyFormComponent } from './policy-form.component';
import { WarningsComponent } from './warnings.component';

const byOrder = (a: PolicyView, b: PolicyView) =>
  INSURANCE_ORDERS.indexOf(a.order) - INSURANCE_ORDERS.indexOf(b.order);

/** Missing-info fields of this tab (the links' fragment) → the `data-field` of the element to focus. */
function fieldTarget(field: string): string | null {
  if (field === 'billingType') return 'billingType';
  if (field === 'insurance.primary') return 'add-policy';
  const m = /^insurance\.(primary|secondary|tertiary)\.(\w+)/.exec(field);
  if (!m) return null;
  return m[2] === 'card' ? `card-front-${m[1]}` : `policy-${m[1]}`;
}

/** Billing type, then the insurance policies in order (primary first), each with its card and authorizations. */
@Component({
  selector: 'cl-client-insurance-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatRadioModule,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    PolicyCardComponent,
    PolicyFormComponent,
    WarningsComponent,
  ],
  template: `
    <div class="tab">
      <section aria-labelledby="billing-h" class="billing">
        <h2 id="billing-h">Billing type</h2>
        <cl-error-banner [problem]="billingProblem()" />
        <div class="billing-row">
          <mat-radio-group
            data-field="billingType"
            [ngModel]="billingType()"
            (ngModelChange)="billingType.set($event)"
            aria-labelledby="billing-h"
            class="radios"
          >
            <mat-radio-button value="insurance">Insurance</mat-radio-button>
            <mat-radio-button value="self_pay">Self-pay</mat-radio-button>
          </mat-radio-group>
          @if (billingType() !== (store.client()?.billingType ?? null)) {
            <button
              mat-flat-button
              type="button"
              (click)="saveBillingType()"
              [disabled]="billingBusy() || !billingType()"
            >
              {{ billingBusy() ? 'Saving…' : 'Save billing type' }}
            </button>
          }
        </div>
        @if (store.client()?.billingType === 'self_pay') {
          <p class="hint">
            Self-pay clients are not billed to insurance; policies below are kept but not used for claims.
          </p>
        }
      </section>

      <section aria-labelledby="policies-h">
        <div class="head">
          <h2 id="policies-h">Insurance policies</h2>
          @if (!adding() && freeOrders().length) {
            <button mat-flat-button type="button" data-field="add-policy" (click)="adding.set(true)">
              Add insurance policy
            </button>
          }
        </div>
        <cl-error-banner [problem]="problem()" />
        @if (justSaved(); as s) {
          @if (s.warnings.length) {
            <cl-warnings
              [warnings]="s.warnings"
              [title]="'The ' + s.order + ' policy was saved, but check it:'"
            />
          }
        }
        @if (adding()) {
          <cl-policy-form
            [practiceId]="store.practiceId()"
            [clientId]="store.clientId()"
            [takenOrders]="takenOrders()"
            (saved)="added($event)"
            (cancelled)="adding.set(false)"
          />
        }
        @if (loading()) {
          <cl-loading label="Loading insurance policies…" />
        } @else if (policies().length === 0 && !adding()) {
          <cl-empty title="No insurance on file">
            <p>
              Add the client’s primary insurance: the insurance company, the member ID and the client’s
              relationship to the insured, as on the member ID card.
            </p>
          </cl-empty>
        } @else {
          <div class="policies">
            @for (p of policies(); track p.id) {
              <cl-policy-card
                [practiceId]="store.practiceId()"
                [policy]="p"
                [takenOrders]="takenOrders()"
                (changed)="changed($event)"
                (removed)="removed($event)"
              />
            }
          </div>
        }
      </section>
    </div>
  `,
  styles: `
    .tab {
      padding: 16px 0;
      display: flex;
      flex-direction: column;
      gap: 24px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .head h2 {
      margin: 0;
    }
    .billing-row {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .radios {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .policies {
      display: flex;
      flex-direction: column;
      gap: 16px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientInsurancePage {
  protected readonly store = inject(ClientStore);
  private readonly api = inject(ClientsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly fieldFocus = injectFieldFocus();
  private readonly fragment = routeFragment();
  protected readonly policies = signal<PolicyView[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly adding = signal(false);
  protected readonly justSaved = signal<PolicyView | null>(null);
  protected readonly billingType = signal<BillingType | null>(null);
  protected readonly billingBusy = signal(false);
  protected readonly billingProblem = signal<ApiProblem | null>(null);
  protected readonly takenOrders = computed(() => this.policies().map((p) => p.order));
  protected readonly freeOrders = computed(() =>
    INSURANCE_ORDERS.filter((o) => !this.takenOrders().includes(o)),
  );

  constructor() {
    effect(() => {
      const c = this.store.client();
      untracked(() => this.billingType.set(c?.billingType ?? null));
    });
    effect(() => {
      const id = this.store.clientId();
      if (id) untracked(() => void this.load());
    });
    // Missing-info links name the field as the fragment: the cursor lands there once it is shown.
    effect(() => {
      const target = fieldTarget(this.fragment() ?? '');
      if (target) untracked(() => this.fieldFocus.focus(target));
    });
  }

  protected async saveBillingType(): Promise<void> {
    const c = this.store.client();
    const billingType = this.billingType();
    if (!c || !billingType) return;
    this.billingBusy.set(true);
    this.billingProblem.set(null);
    try {
      const saved = await this.api.update(this.store.practiceId(), c.id, { version: c.version, billingType });
      this.store.saved(saved);
      this.snack.open('Billing type saved', undefined, { duration: 3000 });
    } catch (e) {
      const p = toProblem(e);
      if (p.status === 409) {
        await this.store.reload().catch(() => undefined);
        this.billingProblem.set({
          ...p,
          detail:
            'Someone else changed this client in the meantime; the current version is shown. Choose the billing type again and save.',
        });
      } else this.billingProblem.set(p);
    } finally {
      this.billingBusy.set(false);
    }
  }

  protected added(p: PolicyView): void {
    this.adding.set(false);
    this.justSaved.set(p);
    this.policies.update((list) => [...list.filter((x) => x.id !== p.id), p].sort(byOrder));
    this.snack.open(`${p.order[0].toUpperCase()}${p.order.slice(1)} insurance saved`, undefined, {
      duration: 3000,
    });
    void this.store.refreshMissing();
  }

  protected changed(p: PolicyView): void {
    this.justSaved.set(p);
    this.policies.update((list) => list.map((x) => (x.id === p.id ? p : x)).sort(byOrder));
    void this.store.refreshMissing();
  }

  protected removed(p: PolicyView): void {
    this.justSaved.set(null);
    this.policies.update((list) => list.filter((x) => x.id !== p.id));
    this.snack.open(`${p.order[0].toUpperCase()}${p.order.slice(1)} insurance removed`, undefined, {
      duration: 3000,
    });
    void this.store.refreshMissing();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      this.policies.set(
        (await this.api.policies(this.store.practiceId(), this.store.clientId())).sort(byOrder),
      );
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }
}
