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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  AuthService,
  PracticeContext,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { EnrollmentsApi } from '@claimline/admin-console/data-access-enrollments';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
  StatusChipComponent,
  plural,
} from '@claimline/admin-console/ui-common';
import type { EnrollmentStatus, EnrollmentType, EnrollmentView } from '@claimline/contracts/enrollments';
import { ENROLLMENT_STATUSES, ENROLLMENT_TYPES } from '@claimline/domain';
import { EnrollDialog, type EnrollDialogData } from './enroll.dialog';
import {
  groupByPayer,
  type PayerEnrollments,
  STATUS_OPTIONS,
  STATUS_TONES,
  statusHint,
  statusLabel,
  TYPE_LABELS,
} from './enrollment-words';
import { can, REQUESTER_ROLES } from './roles';

/** Legend: what each status means, in the order an enrollment usually meets them. */
const LEGEND: { status: EnrollmentStatus; text: string }[] = [
  {
    status: 'not_required',
    text: 'The payer does not require an enrollment: claims can be sent (or payment reports arrive) right away.',
  },
  {
    status: 'enroll',
    text: 'The payer requires an enrollment: use +Enroll. Claims can still be printed and mailed meanwhile.',
  },
  {
    status: 'no_clients_on_file',
    text: 'No client uses this payer yet: add it to a client’s insurance, then come back to enroll.',
  },
  {
    status: 'submitted',
    text: 'The request went to the clearinghouse; the payer has not answered yet. You get an e-mail when it does.',
  },
  {
    status: 'document_required',
    text: 'The payer needs more: follow the instructions on the enrollment and attach the document, or it stays on hold.',
  },
  {
    status: 'accepted',
    text: 'The payer accepted: claims go out electronically (or payment reports arrive).',
  },
  {
    status: 'rejected',
    text: 'The payer refused: read the reason, make practice settings match what the payer has on file, and enroll again.',
  },
  {
    status: 'not_supported',
    text: 'The payer does not send payment reports electronically: share your EOBs with the billing team as documents.',
  },
];

/** A practice's enrollments: every payer it deals with, both enrollment types, their status and +Enroll. */
@Component({
  selector: 'cl-enrollments-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header title="Enrollments" [subtitle]="subtitle()">
        <button mat-stroked-button type="button" (click)="load()" [disabled]="loading()">Refresh</button>
      </cl-page-header>
      <p class="intro">
        Some payers require an enrollment before claims can be sent to them electronically (<strong
          >claim filing</strong
        >) or before they send <strong>payment reports</strong> (ERAs). Enrolling is not the same as being
        credentialed with the payer.
      </p>

      <mat-expansion-panel class="legend">
        <mat-expansion-panel-header
          ><mat-panel-title>What the statuses mean</mat-panel-title></mat-expansion-panel-header
        >
        <dl class="legend-list">
          @for (l of legend; track l.status) {
            <div>
              <dt><cl-status-chip [label]="label(l.status)" [tone]="tones[l.status]" /></dt>
              <dd>{{ l.text }}</dd>
            </div>
          }
        </dl>
      </mat-expansion-panel>

      <div class="filters" role="search" aria-label="Filter enrollments">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select [ngModel]="status()" (ngModelChange)="setStatus($event)">
            <mat-option value="">All statuses</mat-option>
            @for (o of statusOptions; track o.value) {
              <mat-option [value]="o.value">{{ o.label }} ({{ counts()[o.value] }})</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Find a payer</mat-label>
          <input
            matInput
            type="search"
            [ngModel]="search()"
            (ngModelChange)="setSearch($event)"
            autocomplete="off"
          />
        </mat-form-field>
        <mat-checkbox [ngModel]="all()" (ngModelChange)="setAll($event)"
          >Show every payer in the directory</mat-checkbox
        >
      </div>

      @if (problem(); as p) {
        <cl-error-banner [problem]="p" />
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      }
      @if (loading() && !items()) {
        <cl-loading label="Loading enrollments…" />
      } @else if (items()) {
        @if (!inScope().length) {
          @if (all()) {
            <cl-empty title="No payers in the directory yet">
              <p>Payers appear here once the payer directory has them.</p>
            </cl-empty>
          } @else {
            <cl-empty title="No payers yet: add a client with insurance first">
              <p>
                Enrollments are made per payer, for the payers your clients use.
                <a [routerLink]="['/practices', practiceId(), 'clients']">Go to clients</a> and add an
                insurance policy, then come back.
              </p>
              <button mat-stroked-button type="button" (click)="setAll(true)">
                Show every payer in the directory
              </button>
            </cl-empty>
          }
        } @else if (!shown().length) {
          <cl-empty title="No enrollment matches these filters">
            <button mat-stroked-button type="button" (click)="clearFilters()">Clear the filters</button>
          </cl-empty>
        } @else {
          <p class="count" role="status">
            {{ plural(shown().length, 'payer') }}
          </p>
          <table class="grid">
            <caption class="cl-visually-hidden">
              Claim filing and payment reports enrollments by payer
            </caption>
            <thead>
              <tr>
                <th scope="col">Payer</th>
                @for (t of types; track t) {
                  <th scope="col">{{ typeLabels[t] }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (p of shown(); track p.payerId) {
                <tr [attr.data-payer]="p.payerName">
                  <th scope="row">{{ p.payerName }}</th>
                  @for (t of types; track t) {
                    <td [attr.data-type]="t" [attr.data-label]="typeLabels[t]">
                      @for (e of p.byType[t]; track $index) {
                        <div class="enrollment">
                          <cl-status-chip [label]="label(e.status)" [tone]="tones[e.status]" />
                          @if (e.billingNpi) {
                            <small class="identity">NPI {{ e.billingNpi }} · Tax ID {{ e.taxId }}</small>
                          }
                          <p class="hint">{{ hint(e) }}</p>
                          @if ((e.canEnroll && mayEnroll()) || e.id) {
                            <div class="actions">
                              @if (e.canEnroll && mayEnroll()) {
                                <button
                                  mat-flat-button
                                  type="button"
                                  (click)="enroll(p, t)"
                                  [attr.aria-label]="
                                    '+Enroll: ' + typeLabels[t].toLowerCase() + ' with ' + p.payerName
                                  "
                                >
                                  +Enroll
                                </button>
                              }
                              @if (e.id) {
                                <a
                                  mat-button
                                  [routerLink]="[e.id]"
                                  [attr.aria-label]="
                                    'Details of the ' +
                                    typeLabels[t].toLowerCase() +
                                    ' enrollment with ' +
                                    p.payerName
                                  "
                                  >Details</a
                                >
                              }
                            </div>
                          }
                        </div>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        }
      }
    </div>
  `,
  styles: `
    .intro {
      margin: 0 0 12px;
      max-width: 80ch;
    }
    .legend {
      margin-bottom: 16px;
    }
    .legend-list {
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .legend-list > div {
      display: grid;
      grid-template-columns: 210px 1fr;
      gap: 12px;
      align-items: start;
    }
    .legend-list dd {
      margin: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 16px;
      align-items: center;
      margin-bottom: 16px;
    }
    .filters mat-form-field {
      width: 240px;
    }
    .count {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    .grid th,
    .grid td {
      text-align: left;
      vertical-align: top;
      padding: 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .grid thead th {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .grid thead th:first-child {
      width: 26%;
    }
    .grid tbody th {
      font-weight: 600;
    }
    .enrollment + .enrollment {
      margin-top: 12px;
      padding-top: 12px;
      border-top: 1px dashed var(--mat-sys-outline-variant);
    }
    .identity {
      display: block;
      margin-top: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      margin: 6px 0 0;
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 8px;
    }
    @media (max-width: 640px) {
      .grid thead {
        display: none;
      }
      .grid,
      .grid tbody,
      .grid tr,
      .grid th,
      .grid td {
        display: block;
        width: auto;
      }
      .grid td::before {
        content: attr(data-label);
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      .legend-list > div {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrollmentsPage {
  protected readonly plural = plural;
  private readonly api = inject(EnrollmentsApi);
  private readonly auth = inject(AuthService);
  private readonly practice = inject(PracticeContext);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly types = ENROLLMENT_TYPES;
  protected readonly typeLabels = TYPE_LABELS;
  protected readonly tones = STATUS_TONES;
  protected readonly legend = LEGEND;
  protected readonly statusOptions = STATUS_OPTIONS;

  protected readonly practiceId = routeParam('practiceId');
  protected readonly items = signal<EnrollmentView[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly status = signal<EnrollmentStatus | ''>(this.initialStatus());
  protected readonly search = signal(this.route.snapshot.queryParamMap.get('q') ?? '');
  protected readonly all = signal(this.route.snapshot.queryParamMap.get('all') === '1');
  protected readonly mayEnroll = computed(() => can(REQUESTER_ROLES, this.auth.role()));

  protected readonly subtitle = computed(() => {
    const name = this.practice.current()?.name;
    return name
      ? `Claim filing and payment reports with the payers of ${name}`
      : 'Claim filing and payment reports with each payer';
  });

  private readonly grouped = computed(() => groupByPayer(this.items() ?? []));
  /** The payers the practice deals with, or the whole directory when asked. */
  protected readonly inScope = computed(() =>
    this.grouped()
      .filter((g) => this.all() || g.dealsWith)
      .map((g) => g.payer),
  );

  protected readonly counts = computed(() => {
    const out = Object.fromEntries(ENROLLMENT_STATUSES.map((s) => [s, 0])) as Record<
      EnrollmentStatus,
      number
    >;
    for (const p of this.inScope())
      for (const t of ENROLLMENT_TYPES) for (const e of p.byType[t]) out[e.status]++;
    return out;
  });

  protected readonly shown = computed(() => {
    const status = this.status();
    const text = this.search().trim().toLowerCase();
    return this.inScope().filter(
      (p) =>
        (!text || p.payerName.toLowerCase().includes(text)) &&
        (!status || ENROLLMENT_TYPES.some((t) => p.byType[t].some((e) => e.status === status))),
    );
  });

  constructor() {
    effect(() => {
      this.practiceId();
      untracked(() => {
        this.items.set(null);
        void this.load();
      });
    });
  }

  protected label(status: EnrollmentStatus): string {
    return statusLabel(status);
  }

  protected hint(e: EnrollmentView): string {
    if (e.status === 'rejected' && e.reason) return `The payer refused it: ${e.reason}`;
    return statusHint(e.status, e.type);
  }

  async load(): Promise<void> {
    const id = this.practiceId();
    if (!id) return;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const items = await this.api.list(id);
      if (id === this.practiceId()) this.items.set(items);
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected async enroll(p: PayerEnrollments, type: EnrollmentType): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    const ref = this.dialog.open<EnrollDialog, EnrollDialogData, EnrollmentView>(EnrollDialog, {
      data: { practiceId, payerId: p.payerId, payerName: p.payerName, type },
      autoFocus: 'first-heading',
      width: '640px',
      maxWidth: '95vw',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (result) {
      this.items.update((list) => (list ? list.map((i) => (sameEnrollment(i, result) ? result : i)) : list));
      this.snack.open(`${TYPE_LABELS[type]} enrollment with ${p.payerName} submitted`, 'OK', {
        duration: 6000,
      });
    }
    // Whatever happened (sent, or someone else enrolled first), show what the service has now.
    await this.load();
  }

  protected setStatus(value: EnrollmentStatus | ''): void {
    this.status.set(value);
    this.remember();
  }

  protected setSearch(value: string): void {
    this.search.set(value);
    this.remember();
  }

  protected setAll(value: boolean): void {
    this.all.set(value);
    this.remember();
  }

  protected clearFilters(): void {
    this.status.set('');
    this.search.set('');
    this.remember();
  }

  /** Filters live in the address, so a reload or a shared link keeps them. */
  private remember(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: {
        status: this.status() || null,
        q: this.search().trim() || null,
        all: this.all() ? '1' : null,
      },
    });
  }

  private initialStatus(): EnrollmentStatus | '' {
    const s = this.route.snapshot.queryParamMap.get('status');
    return s && (ENROLLMENT_STATUSES as readonly string[]).includes(s) ? (s as EnrollmentStatus) : '';
  }
}

function sameEnrollment(a: EnrollmentView, b: EnrollmentView): boolean {
  if (a.id && a.id === b.id) return true;
  return a.id === null && a.payerId === b.payerId && a.type === b.type;
}
