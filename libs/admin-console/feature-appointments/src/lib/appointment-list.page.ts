import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PracticeContext,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { AppointmentsApi } from '@claimline/admin-console/data-access-claims';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  PaginatorComponent,
  plural,
  DisplayDatePipe,
} from '@claimline/admin-console/ui-common';
import type { AppointmentView } from '@claimline/contracts/claims/plain';
import { ATTENDANCE_LABELS, BILLING_TYPE_WORDS, money } from './appointment-words';
import { PracticePeopleStore } from './practice-people.store';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The practice's appointments, newest first: dates of service from–to, clinician, pages of 25. */
@Component({
  selector: 'cl-appointment-list-page',
  imports: [
    DisplayDatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PaginatorComponent,
    MatSelectModule,
    MatTableModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header title="Appointments" [subtitle]="practice.current()?.name ?? null">
        <a mat-stroked-button routerLink="import">Import a CSV</a>
        <a mat-flat-button routerLink="new">Add appointment</a>
      </cl-page-header>

      <div class="filters" role="search">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>From</mat-label>
          <input matInput type="date" [ngModel]="from()" (ngModelChange)="setFilter('from', $event)" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>To</mat-label>
          <input matInput type="date" [ngModel]="to()" (ngModelChange)="setFilter('to', $event)" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="clinician">
          <mat-label>Clinician</mat-label>
          <mat-select [ngModel]="clinician()" (ngModelChange)="setFilter('clinician', $event)">
            <mat-option value="">All clinicians</mat-option>
            @for (m of people.clinicians(); track m.id) {
              <mat-option [value]="m.id">{{ m.firstName }} {{ m.lastName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      <cl-error-banner [problem]="problem()" />
      @if (loading()) {
        <cl-loading label="Loading appointments…" />
      }
      @if (rows(); as list) {
        @if (list.length === 0 && !loading()) {
          <cl-empty [title]="filtered() ? 'No appointment matches these filters' : 'No appointments yet'">
            <p>Add an appointment, or import the ones your calendar exported as a CSV.</p>
          </cl-empty>
        } @else if (list.length > 0) {
          <div class="table-wrap">
            <table mat-table [dataSource]="list" aria-label="Appointments">
              <ng-container matColumnDef="date">
                <th mat-header-cell *matHeaderCellDef>Date</th>
                <td mat-cell *matCellDef="let a">
                  <a [routerLink]="[a.id]" class="strong">{{ a.serviceDate | clDate }}</a> {{ a.startTime }}
                </td>
              </ng-container>
              <ng-container matColumnDef="client">
                <th mat-header-cell *matHeaderCellDef>Client</th>
                <td mat-cell *matCellDef="let a">{{ people.clientName(a.clientId) }}</td>
              </ng-container>
              <ng-container matColumnDef="clinician">
                <th mat-header-cell *matHeaderCellDef>Clinician</th>
                <td mat-cell *matCellDef="let a">{{ people.memberName(a.renderingTeamMemberId) }}</td>
              </ng-container>
              <ng-container matColumnDef="codes">
                <th mat-header-cell *matHeaderCellDef>Codes</th>
                <td mat-cell *matCellDef="let a" class="mono">{{ codes(a) }}</td>
              </ng-container>
              <ng-container matColumnDef="attendance">
                <th mat-header-cell *matHeaderCellDef>Attendance</th>
                <td mat-cell *matCellDef="let a">{{ attendanceOf(a) }}</td>
              </ng-container>
              <ng-container matColumnDef="billing">
                <th mat-header-cell *matHeaderCellDef>Billing</th>
                <td mat-cell *matCellDef="let a">{{ billingOf(a) }}</td>
              </ng-container>
              <ng-container matColumnDef="fee">
                <th mat-header-cell *matHeaderCellDef class="num">Fee</th>
                <td mat-cell *matCellDef="let a" class="num">{{ fee(a) }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
          <cl-paginator [paging]="paging" label="Pages of appointments" (page)="paged($event)" />
          <p class="cl-visually-hidden" role="status">{{ plural(paging.total(), 'appointment') }} found</p>
        }
      }
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin-bottom: 16px;
    }
    .clinician {
      min-width: 220px;
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
    }
    .strong {
      font-weight: 600;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .num {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppointmentListPage {
  protected readonly plural = plural;
  protected readonly attendance = ATTENDANCE_LABELS;
  protected readonly billing = BILLING_TYPE_WORDS;
  private readonly api = inject(AppointmentsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly practice = inject(PracticeContext);
  protected readonly people = inject(PracticePeopleStore);
  private readonly practiceId = routeParam('practiceId');

  protected readonly columns = ['date', 'client', 'clinician', 'codes', 'attendance', 'billing', 'fee'];
  private readonly query = this.route.snapshot.queryParamMap;
  protected readonly from = signal(this.query.get('from') ?? '');
  protected readonly to = signal(this.query.get('to') ?? '');
  protected readonly clinician = signal(this.query.get('clinician') ?? '');
  protected readonly paging = new ListPaging();

  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly rows = signal<AppointmentView[] | null>(null);
  private seq = 0;

  constructor() {
    this.paging.fromParams({ page: this.query.get('page'), size: this.query.get('size') });
    effect(() => {
      const id = this.practiceId();
      if (id)
        untracked(() => {
          void this.people.load(id).catch((e: unknown) => this.problem.set(toProblem(e)));
          void this.load();
        });
    });
  }

  protected filtered(): boolean {
    return !!(this.from() || this.to() || this.clinician());
  }

  protected setFilter(which: 'from' | 'to' | 'clinician', value: string | null): void {
    const v = value ?? '';
    // a date is applied once the browser has a whole one
    if (which !== 'clinician' && v && !DATE.test(v)) return;
    ({ from: this.from, to: this.to, clinician: this.clinician })[which].set(v);
    this.paging.first();
    void this.load();
  }

  protected paged(e: PageEvent): void {
    this.paging.turn(e);
    void this.load();
  }

  protected attendanceOf(a: AppointmentView): string {
    return this.attendance[a.attendance];
  }

  protected billingOf(a: AppointmentView): string {
    return this.billing[a.billingType];
  }

  protected codes(a: AppointmentView): string {
    return a.lines.map((l) => [l.procedure, ...l.modifiers].join('-')).join(', ');
  }

  protected fee(a: AppointmentView): string {
    return money(a.lines.reduce((sum, l) => sum + l.feeCents, 0));
  }

  private async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        from: this.from() || null,
        to: this.to() || null,
        clinician: this.clinician() || null,
        ...this.paging.params(),
      },
      replaceUrl: true,
    });
    try {
      const page = await this.api.list(this.practiceId() ?? '', {
        from: this.from() || null,
        to: this.to() || null,
        renderingTeamMemberId: this.clinician() || null,
        ...this.paging.request(),
      });
      if (mine !== this.seq) return;
      if (this.paging.counted(page.total, page.items.length)) return this.load();
      this.rows.set(page.items);
    } catch (e) {
      if (mine === this.seq) this.problem.set(toProblem(e));
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }
}
