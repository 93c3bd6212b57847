import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { routeParam, toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { AppointmentImportApi } from '@claimline/admin-console/data-access-claims';
import {
  ErrorBannerComponent,
  PageHeaderComponent,
  StatusChipComponent,
  plural,
  DisplayDatePipe,
} from '@claimline/admin-console/ui-common';
import {
  APPOINTMENT_IMPORT_COLUMNS,
  APPOINTMENT_IMPORT_MAX_BYTES,
  type AppointmentImportPreview,
} from '@claimline/contracts/claims/plain';
import { money } from './appointment-words';
import { importChunks } from './import-chunks';

/** Rows per commit request: small enough for the bar to move, large enough to be quick. */
const CHUNK = 25;

interface Outcome {
  created: number;
  alreadyImported: number;
  invalid: number;
}

/**
 * The appointments CSV import: choose a file → the preview lists every row with its problems by
 * column (nothing saved) → import saves the valid rows with a progress bar → how many were created,
 * and how many had been imported from the same file before (a re-upload creates nothing new).
 */
@Component({
  selector: 'cl-appointment-import-page',
  imports: [
    DisplayDatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    ErrorBannerComponent,
    PageHeaderComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header title="Import appointments">
        <a mat-button routerLink="..">Back to the appointments</a>
      </cl-page-header>
      <p class="intro">
        A CSV with a header row naming its columns: <span class="mono">{{ columns }}</span>. One row per
        appointment; at most {{ maxKb }} KB. Nothing is saved until you import.
      </p>
      <div class="cl-actions">
        <input
          #picker
          type="file"
          accept=".csv,text/csv"
          class="cl-visually-hidden"
          aria-label="CSV file"
          (change)="chosen(picker.files?.item(0) ?? null); picker.value = ''"
        />
        <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="busy()">
          Choose a CSV file
        </button>
        @if (file(); as f) {
          <span>{{ f.name }}</span>
        }
      </div>
      <cl-error-banner [problem]="problem()" />

      @if (preview(); as p) {
        <p role="status" class="counts">
          {{ plural(p.counts.rows, 'row') }}: {{ p.counts.valid }} ready to import,
          {{ p.counts.invalid }} with problems{{
            p.counts.imported ? ', ' + p.counts.imported + ' imported before' : ''
          }}.
        </p>
        <div class="table-wrap">
          <table mat-table [dataSource]="p.rows" aria-label="Rows of the file">
            <ng-container matColumnDef="row">
              <th mat-header-cell *matHeaderCellDef>Row</th>
              <td mat-cell *matCellDef="let r">{{ r.row }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Status</th>
              <td mat-cell *matCellDef="let r">
                <cl-status-chip
                  [label]="
                    r.status === 'valid' ? 'Ready' : r.status === 'invalid' ? 'Problems' : 'Imported before'
                  "
                  [tone]="r.status === 'valid' ? 'success' : r.status === 'invalid' ? 'warning' : 'neutral'"
                />
              </td>
            </ng-container>
            <ng-container matColumnDef="date">
              <th mat-header-cell *matHeaderCellDef>Date</th>
              <td mat-cell *matCellDef="let r">
                {{ r.values.serviceDate | clDate }} {{ r.values.startTime }}
              </td>
            </ng-container>
            <ng-container matColumnDef="service">
              <th mat-header-cell *matHeaderCellDef>Service</th>
              <td mat-cell *matCellDef="let r" class="mono">
                {{ r.values.procedure }} {{ r.values.modifiers.join(' ') }} ·
                {{ r.values.diagnoses.join(' ') }}
              </td>
            </ng-container>
            <ng-container matColumnDef="fee">
              <th mat-header-cell *matHeaderCellDef>Fee</th>
              <td mat-cell *matCellDef="let r">{{ money(r.values.feeCents) }}</td>
            </ng-container>
            <ng-container matColumnDef="problems">
              <th mat-header-cell *matHeaderCellDef>Problems</th>
              <td mat-cell *matCellDef="let r">
                <ul class="problems">
                  @for (x of r.problems; track $index) {
                    <li>
                      <span class="mono">{{ x.column }}</span>: {{ x.message }}
                    </li>
                  }
                </ul>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="tableColumns"></tr>
            <tr mat-row *matRowDef="let row; columns: tableColumns"></tr>
          </table>
        </div>
        @if (!outcome()) {
          <div class="cl-actions">
            <button
              mat-flat-button
              type="button"
              (click)="commit()"
              [disabled]="busy() || p.counts.valid === 0"
            >
              Import {{ plural(p.counts.valid, 'appointment') }}
            </button>
          </div>
        }
      }
      @if (progress() !== null) {
        <mat-progress-bar mode="determinate" [value]="progress()" aria-label="Import progress" />
      }
      @if (outcome(); as o) {
        <p role="status" class="result">
          {{ plural(o.created, 'appointment') }} created.
          @if (o.alreadyImported) {
            {{ plural(o.alreadyImported, 'row') }} of this file had been imported before: nothing new was
            created for {{ o.alreadyImported === 1 ? 'it' : 'them' }}.
          }
          @if (o.invalid) {
            {{ plural(o.invalid, 'row') }} with problems not imported.
          }
        </p>
        <a mat-stroked-button routerLink="..">See the appointments</a>
      }
    </div>
  `,
  styles: `
    .intro {
      max-width: 80ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      margin-bottom: 16px;
    }
    table {
      width: 100%;
    }
    .problems {
      margin: 0;
      padding-left: 16px;
    }
    .result {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppointmentImportPage {
  protected readonly plural = plural;
  protected readonly money = money;
  protected readonly columns = APPOINTMENT_IMPORT_COLUMNS.join(', ');
  protected readonly maxKb = APPOINTMENT_IMPORT_MAX_BYTES / 1024;
  protected readonly tableColumns = ['row', 'status', 'date', 'service', 'fee', 'problems'];
  private readonly api = inject(AppointmentImportApi);
  private readonly practiceId = routeParam('practiceId');

  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<AppointmentImportPreview | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly progress = signal<number | null>(null);
  protected readonly outcome = signal<Outcome | null>(null);

  protected async chosen(file: File | null): Promise<void> {
    if (!file) return;
    this.file.set(file);
    this.preview.set(null);
    this.outcome.set(null);
    this.progress.set(null);
    this.problem.set(null);
    this.busy.set(true);
    try {
      this.preview.set(await this.api.preview(this.practiceId() ?? '', file));
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async commit(): Promise<void> {
    const file = this.file();
    const preview = this.preview();
    if (!file || !preview) return;
    const chunks = importChunks(
      preview.rows.filter((r) => r.status !== 'invalid').map((r) => r.row),
      CHUNK,
    );
    const total: Outcome = { created: 0, alreadyImported: 0, invalid: preview.counts.invalid };
    this.busy.set(true);
    this.problem.set(null);
    this.progress.set(0);
    try {
      for (const [i, chunk] of chunks.entries()) {
        const r = await this.api.commit(this.practiceId() ?? '', file, chunk);
        total.created += r.created;
        total.alreadyImported += r.alreadyImported;
        this.progress.set(Math.round(((i + 1) / chunks.length) * 100));
      }
      this.outcome.set(total);
    } catch (e) {
      this.problem.set(toProblem(e));
      // what was saved stays saved: importing the same file again adds only the rest
      this.outcome.set(total);
    } finally {
      this.busy.set(false);
    }
  }
}
