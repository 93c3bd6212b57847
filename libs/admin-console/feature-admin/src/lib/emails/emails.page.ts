import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { type ApiProblem, toProblem } from '@claimline/admin-console/data-access-core';
import {
  EmailsApi,
  type EmailLogView,
  type EmailStatus,
  PracticeDirectory,
} from '@claimline/admin-console/data-access-admin';
import {
  type ChipTone,
  EmptyStateComponent,
  ErrorBannerComponent,
  ListPaging,
  LoadingComponent,
  PageHeaderComponent,
  PaginatorComponent,
  plural,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import { when } from '../shared/admin-labels';
import {
  isPick,
  type PracticeChoice,
  PracticeFieldComponent,
  pickedPractice,
} from '../shared/practice-field.component';

const STATUS: Record<EmailStatus, { label: string; tone: ChipTone }> = {
  pending: { label: 'Pending', tone: 'info' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** The e-mail outbox: every e-mail the system sent or is trying to send, and how delivery went. */
@Component({
  selector: 'cl-emails-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    PaginatorComponent,
    MatTableModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
    StatusChipComponent,
    PracticeFieldComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header
        title="E-mails"
        subtitle="Every e-mail Claimline sent or is still trying to send (enrollment status changes; never any client data), with its delivery. Newest first."
      />
      <p class="hint" role="note">
        Running locally with <code>npm start</code>? E-mails are caught instead of delivered: read them in the
        mail catcher at <code>http://127.0.0.1:1080/messages</code>.
      </p>

      <div class="toolbar">
        <div class="status-filter">
          <span id="status-label" class="label">Status</span>
          <mat-button-toggle-group
            aria-labelledby="status-label"
            [value]="status()"
            (change)="filterStatus($event.value)"
            hideSingleSelectionIndicator
          >
            <mat-button-toggle value="">All</mat-button-toggle>
            <mat-button-toggle value="pending">Pending</mat-button-toggle>
            <mat-button-toggle value="sent">Sent</mat-button-toggle>
            <mat-button-toggle value="failed">Failed</mat-button-toggle>
          </mat-button-toggle-group>
        </div>
        <form class="practice" (ngSubmit)="filterPractice()" novalidate>
          <cl-practice-field [control]="practice" label="Practice" [dense]="true" />
          <button mat-stroked-button type="submit">Filter</button>
          @if (practiceId()) {
            <button mat-button type="button" (click)="clearPractice()">All practices</button>
          }
        </form>
      </div>

      <section aria-labelledby="emails-heading">
        <div class="results-head">
          <h2 id="emails-heading">Outbox</h2>
          @if (!loading()) {
            <span class="count" role="status">{{ plural(paging.total(), 'e-mail') }}</span>
          }
        </div>
        @if (problem(); as p) {
          <cl-error-banner [problem]="p" />
          <button mat-stroked-button type="button" (click)="load()">Try again</button>
        }
        @if (loading()) {
          <cl-loading label="Loading e-mails…" />
        }
        @if (!loading() && !problem() && rows().length === 0) {
          <cl-empty [title]="emptyTitle()">
            <p>
              @if (status() || practiceId()) {
                Choose “All” or another practice to see more.
              } @else {
                E-mails are sent to a practice’s contacts when one of its enrollments changes status
                (accepted, rejected, document required).
              }
            </p>
          </cl-empty>
        }
        @if (rows().length) {
          <div class="table-wrap">
            <table mat-table [dataSource]="rows()">
              <ng-container matColumnDef="recipient">
                <th mat-header-cell *matHeaderCellDef scope="col">To</th>
                <td mat-cell *matCellDef="let m" class="break">{{ m.recipient }}</td>
              </ng-container>
              <ng-container matColumnDef="subject">
                <th mat-header-cell *matHeaderCellDef scope="col">Subject</th>
                <td mat-cell *matCellDef="let m">
                  {{ m.subject }}
                  <span class="sub">{{ practiceName(m.practiceId) }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
                <td mat-cell *matCellDef="let m">
                  <cl-status-chip [label]="statusOf(m).label" [tone]="statusOf(m).tone" />
                  <span class="sub">{{ plural(m.attempts, 'attempt') }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="error">
                <th mat-header-cell *matHeaderCellDef scope="col">Last error</th>
                <td mat-cell *matCellDef="let m" class="error" [class.none]="!m.lastError">
                  {{ m.lastError ?? 'None' }}
                </td>
              </ng-container>
              <ng-container matColumnDef="times">
                <th mat-header-cell *matHeaderCellDef scope="col">Times</th>
                <td mat-cell *matCellDef="let m" class="times">
                  <span>Queued {{ time(m.createdAt) }}</span>
                  @if (m.sentAt) {
                    <span>Sent {{ time(m.sentAt) }}</span>
                  }
                  @if (m.failedAt) {
                    <span>Gave up {{ time(m.failedAt) }}</span>
                  }
                  @if (m.lastAttemptAt && !m.sentAt) {
                    <span>Last try {{ time(m.lastAttemptAt) }}</span>
                  }
                  @if (m.status === 'pending' && m.nextAttemptAt) {
                    <span>Next try {{ time(m.nextAttemptAt) }}</span>
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let m; columns: columns"></tr>
            </table>
          </div>
          <cl-paginator [paging]="paging" label="Pages of e-mails" (page)="onPage($event)" />
        }
      </section>
    </div>
  `,
  styles: `
    .hint {
      background: var(--mat-sys-surface-container);
      padding: 8px 12px;
      border-radius: 8px;
      margin: 0 0 16px;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 13px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .toolbar {
      display: flex;
      align-items: center;
      gap: 16px 32px;
      flex-wrap: wrap;
      margin-bottom: 16px;
    }
    .status-filter {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
    }
    .practice {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .practice cl-practice-field {
      width: 260px;
    }
    .results-head {
      display: flex;
      align-items: baseline;
      gap: 16px;
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
      min-width: 640px;
    }
    .break {
      overflow-wrap: anywhere;
      min-width: 140px;
    }
    .sub {
      display: block;
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      max-width: 240px;
      overflow-wrap: anywhere;
    }
    .error.none {
      color: var(--mat-sys-on-surface-variant);
    }
    .times {
      min-width: 150px;
    }
    .times span {
      display: block;
      font-size: 13px;
    }
    cl-loading {
      display: block;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailsPage implements OnInit {
  protected readonly plural = plural;
  private readonly emails = inject(EmailsApi);
  private readonly directory = inject(PracticeDirectory);
  protected readonly columns = ['recipient', 'subject', 'status', 'error', 'times'];
  protected readonly practice = inject(FormBuilder).nonNullable.control<PracticeChoice>(
    null,
    pickedPractice(false),
  );
  protected readonly status = signal<EmailStatus | ''>('');
  protected readonly practiceId = signal<string | null>(null);
  protected readonly paging = new ListPaging();
  protected readonly rows = signal<EmailLogView[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly emptyTitle = computed(() => {
    const s = this.status();
    if (s)
      return `No ${STATUS[s].label.toLowerCase()} e-mails${this.practiceId() ? ' for this practice' : ''}`;
    return this.practiceId() ? 'No e-mails for this practice' : 'No e-mails yet';
  });
  protected readonly time = when;
  private seq = 0;

  ngOnInit(): void {
    void this.load();
  }

  protected statusOf(m: EmailLogView): { label: string; tone: ChipTone } {
    return STATUS[m.status] ?? { label: m.status, tone: 'neutral' };
  }

  protected practiceName(id: string): string {
    return this.directory.name(id) ?? '';
  }

  protected filterStatus(value: EmailStatus | ''): void {
    this.status.set(value);
    this.paging.first();
    void this.load();
  }

  protected filterPractice(): void {
    this.practice.markAsTouched();
    const v = this.practice.value;
    if (this.practice.invalid) return;
    this.practiceId.set(isPick(v) ? v.id : null);
    this.paging.first();
    void this.load();
  }

  protected clearPractice(): void {
    this.practice.setValue(null);
    this.practiceId.set(null);
    this.paging.first();
    void this.load();
  }

  protected onPage(e: PageEvent): void {
    this.paging.turn(e);
    void this.load();
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const page = await this.emails.list(
        { status: this.status() || null, practiceId: this.practiceId() },
        this.paging.request(),
      );
      if (mine !== this.seq) return;
      if (this.paging.counted(page.total, page.items.length)) return this.load();
      this.rows.set(page.items);
      void this.directory.resolve(page.items.map((m) => m.practiceId));
    } catch (e) {
      if (mine === this.seq) {
        this.rows.set([]);
        this.problem.set(toProblem(e));
      }
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }
}
