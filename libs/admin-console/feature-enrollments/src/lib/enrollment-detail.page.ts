import { DatePipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  AuthService,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { EnrollmentsApi, type EnrollmentActionBody } from '@claimline/admin-console/data-access-enrollments';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  LoadingComponent,
  PageHeaderComponent,
  provideLiveErrors,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import type { DocumentView } from '@claimline/contracts/documents';
import type {
  EnrollmentHistoryEntry,
  EnrollmentStatus,
  EnrollmentView,
} from '@claimline/contracts/enrollments';
import { EnrollDialog, type EnrollDialogData } from './enroll.dialog';
import {
  ACTION_LABELS,
  fileProblem,
  fileSize,
  STATUS_TONES,
  statusHint,
  statusLabel,
  TYPE_LABELS,
} from './enrollment-words';
import { can, REQUESTER_ROLES, STAFF_ROLES } from './roles';

type Mode = 'accept' | 'reject' | 'require_document' | null;

/** One enrollment: its status, what the payer said, the actions the user's role allows, and its history. */
@Component({
  selector: 'cl-enrollment-detail-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageHeaderComponent,
    LoadingComponent,
    ErrorBannerComponent,
    FieldErrorComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="cl-page">
      <a class="back" [routerLink]="['..']">← All enrollments</a>
      @if (loading() && !view()) {
        <cl-loading label="Loading the enrollment…" />
      } @else if (loadProblem(); as p) {
        <cl-page-header title="Enrollment" />
        <cl-error-banner [problem]="p" />
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      } @else if (view(); as e) {
        <cl-page-header [title]="title()" [subtitle]="hint()">
          <button mat-stroked-button type="button" (click)="load()" [disabled]="loading()">Reload</button>
        </cl-page-header>

        <section aria-labelledby="summary-title" class="card">
          <h2 id="summary-title">Status</h2>
          <p class="status" data-testid="enrollment-status">
            <cl-status-chip [label]="label(e.status)" [tone]="tones[e.status]" />
            @if (e.updatedAt) {
              <span class="muted">since {{ e.updatedAt | date: 'medium' }}</span>
            }
          </p>
          @if (e.status === 'document_required' && e.instructions) {
            <div class="callout warning" data-testid="enrollment-instructions">
              <strong>What the payer asks for:</strong>
              <p>{{ e.instructions }}</p>
            </div>
          }
          @if (e.status === 'rejected' && e.reason) {
            <div class="callout danger">
              <strong>Why the payer refused it:</strong>
              <p>{{ e.reason }}</p>
            </div>
          }
          <dl class="facts">
            <div>
              <dt>Payer</dt>
              <dd>{{ e.payerName }}</dd>
            </div>
            <div>
              <dt>Enrollment</dt>
              <dd>{{ typeLabels[e.type] }}</dd>
            </div>
            <div>
              <dt>Billing NPI</dt>
              <dd>{{ e.billingNpi ?? 'Not submitted yet' }}</dd>
            </div>
            <div>
              <dt>Tax ID</dt>
              <dd>{{ e.taxId ?? 'Not submitted yet' }}</dd>
            </div>
            <div>
              <dt>Clearinghouse reference</dt>
              <dd>{{ e.clearinghouseReference ?? '—' }}</dd>
            </div>
            @if (e.documentId) {
              <div>
                <dt>Attached document</dt>
                <dd>
                  {{ documentLabel() }}
                  <button
                    mat-button
                    type="button"
                    (click)="download(e.documentId)"
                    [disabled]="downloading()"
                  >
                    {{ downloading() ? 'Downloading…' : 'Download' }}
                  </button>
                  @if (downloadError()) {
                    <span class="cl-error-text" role="alert">{{ downloadError() }}</span>
                  }
                </dd>
              </div>
            }
          </dl>
          @if (e.canEnroll && mayRequest()) {
            <button mat-flat-button type="button" (click)="enrollAgain(e)">+Enroll again</button>
          }
        </section>

        @if (actionProblem(); as p) {
          <cl-error-banner [problem]="p" [extra]="actionExtra()" />
          @if (p.status === 409) {
            <button mat-flat-button type="button" class="reload" (click)="load()">
              Reload the enrollment
            </button>
          }
        }

        @if (e.status === 'document_required') {
          <section aria-labelledby="attach-title" class="card">
            <h2 id="attach-title">Attach the requested document</h2>
            @if (mayRequest()) {
              <p class="muted">
                A PDF, JPEG or PNG of at most 10 MB. It goes to the payer with this enrollment, which is then
                submitted again.
              </p>
              <div class="file-row">
                <label for="enrollment-document" class="file-label">Document (PDF, JPEG or PNG)</label>
                <input
                  #fileInput
                  id="enrollment-document"
                  type="file"
                  accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                  (change)="pick(fileInput.files)"
                  [attr.aria-describedby]="fileError() ? 'file-error' : null"
                  [attr.aria-invalid]="fileError() ? true : null"
                />
              </div>
              @if (file(); as f) {
                <p class="muted">{{ f.name }} · {{ size(f.size) }}</p>
              }
              @if (fileError()) {
                <p id="file-error" class="cl-error-text" role="alert">{{ fileError() }}</p>
              }
              <button
                mat-flat-button
                type="button"
                (click)="attach()"
                [disabled]="!file() || !!fileError() || busy()"
              >
                {{ busy() ? progress() : 'Upload and send' }}
              </button>
            } @else {
              <p>Ask the practice owner or the billing team to attach it.</p>
            }
          </section>
        }

        @if (mayAnswer() && (e.status === 'submitted' || e.status === 'document_required')) {
          <section aria-labelledby="answer-title" class="card">
            <h2 id="answer-title">Record the payer’s answer</h2>
            <p class="muted">
              As the clearinghouse: record what {{ e.payerName }} answered to this enrollment.
            </p>
            @if (!mode()) {
              <div class="cl-actions">
                @if (e.status === 'submitted') {
                  <button mat-flat-button type="button" (click)="open('accept')">Accept</button>
                }
                <button mat-stroked-button type="button" (click)="open('reject')">Reject…</button>
                @if (e.status === 'submitted') {
                  <button mat-stroked-button type="button" (click)="open('require_document')">
                    Require a document…
                  </button>
                }
              </div>
            } @else if (mode() === 'accept') {
              <div class="confirm">
                <p>
                  Record that {{ e.payerName }} accepted this
                  {{ typeLabels[e.type].toLowerCase() }} enrollment? The practice is e-mailed.
                </p>
                <div class="cl-actions">
                  <button
                    #firstField
                    mat-flat-button
                    type="button"
                    (click)="act({ action: 'accept' })"
                    [disabled]="busy()"
                  >
                    {{ busy() ? 'Saving…' : 'Confirm acceptance' }}
                  </button>
                  <button mat-button type="button" (click)="open(null)">Cancel</button>
                </div>
              </div>
            } @else if (mode() === 'reject') {
              <form [formGroup]="rejectForm" (ngSubmit)="reject()" novalidate class="confirm">
                <mat-form-field appearance="outline" class="full">
                  <mat-label>Reason for the rejection</mat-label>
                  <textarea
                    #firstField
                    matInput
                    formControlName="reason"
                    rows="3"
                    required
                    maxlength="2000"
                  ></textarea>
                  <mat-hint>Shown to the practice, so it can correct its settings and enroll again.</mat-hint>
                  <mat-error><cl-field-error [control]="reason" /></mat-error>
                </mat-form-field>
                <div class="cl-actions">
                  <button mat-flat-button type="submit" [disabled]="busy()">
                    {{ busy() ? 'Saving…' : 'Reject enrollment' }}
                  </button>
                  <button mat-button type="button" (click)="open(null)">Cancel</button>
                </div>
              </form>
            } @else {
              <form [formGroup]="documentForm" (ngSubmit)="requireDocument()" novalidate class="confirm">
                <mat-form-field appearance="outline" class="full">
                  <mat-label>Instructions for the practice</mat-label>
                  <textarea
                    #firstField
                    matInput
                    formControlName="instructions"
                    rows="3"
                    required
                    maxlength="2000"
                  ></textarea>
                  <mat-hint
                    >What the payer needs, e.g. “Sign the EDI agreement and attach it”. The practice is
                    e-mailed.</mat-hint
                  >
                  <mat-error><cl-field-error [control]="instructions" /></mat-error>
                </mat-form-field>
                <div class="cl-actions">
                  <button mat-flat-button type="submit" [disabled]="busy()">
                    {{ busy() ? 'Saving…' : 'Ask for the document' }}
                  </button>
                  <button mat-button type="button" (click)="open(null)">Cancel</button>
                </div>
              </form>
            }
          </section>
        }

        <section aria-labelledby="history-title" class="card">
          <h2 id="history-title">History</h2>
          @if (history(); as h) {
            @if (h.length) {
              <ol class="timeline" data-testid="enrollment-history">
                @for (entry of h; track $index) {
                  <li>
                    <div class="when">{{ entry.changedAt | date: 'medium' }}</div>
                    <div class="what">
                      <strong>{{ actionLabel(entry.action) }}</strong>
                      <span class="move">
                        @if (entry.from) {
                          <cl-status-chip [label]="label(entry.from)" [tone]="tones[entry.from]" />
                          <span aria-label="to">→</span>
                        }
                        <cl-status-chip [label]="label(entry.to)" [tone]="tones[entry.to]" />
                      </span>
                      @if (entry.reason) {
                        <p class="detail">
                          {{ entry.action === 'require_document' ? 'Instructions' : 'Reason' }}:
                          {{ entry.reason }}
                        </p>
                      }
                      <p class="by">{{ who(entry) }}</p>
                    </div>
                  </li>
                }
              </ol>
            } @else {
              <p class="muted">No change recorded yet.</p>
            }
          } @else if (historyProblem(); as p) {
            <cl-error-banner [problem]="p" />
          } @else {
            <cl-loading label="Loading the history…" />
          }
        </section>
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 12px;
    }
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px 20px;
      margin-bottom: 16px;
      background: var(--mat-sys-surface);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .status {
      display: flex;
      gap: 12px;
      align-items: center;
      margin: 0 0 12px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .callout {
      border-radius: 8px;
      padding: 8px 16px;
      margin-bottom: 12px;
    }
    .callout p {
      margin: 4px 0 0;
      white-space: pre-wrap;
    }
    .warning {
      background: #fff8e1;
      color: #5d3d00;
    }
    .danger {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .facts {
      display: grid;
      gap: 6px;
      margin: 0 0 12px;
    }
    .facts > div {
      display: grid;
      grid-template-columns: 200px 1fr;
      gap: 12px;
      align-items: baseline;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .confirm {
      max-width: 640px;
    }
    .full {
      width: 100%;
    }
    .reload {
      margin: 0 0 16px;
    }
    .file-row {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 8px;
    }
    .file-label {
      font-weight: 600;
    }
    input[type='file'] {
      font: inherit;
    }
    input[type='file']::file-selector-button {
      font: inherit;
      margin-right: 12px;
      padding: 6px 16px;
      border-radius: 20px;
      border: 1px solid var(--mat-sys-outline);
      background: transparent;
      color: var(--mat-sys-primary);
      cursor: pointer;
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    .timeline li {
      display: grid;
      grid-template-columns: 190px 1fr;
      gap: 12px;
      padding: 8px 0 12px 16px;
      position: relative;
    }
    .timeline li::before {
      content: '';
      position: absolute;
      left: -7px;
      top: 14px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
      padding-top: 2px;
    }
    .what strong {
      margin-right: 8px;
    }
    .move {
      display: inline-flex;
      gap: 6px;
      align-items: center;
      flex-wrap: wrap;
    }
    .detail {
      margin: 4px 0 0;
      white-space: pre-wrap;
    }
    .by {
      margin: 2px 0 0;
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 700px) {
      .facts > div,
      .timeline li {
        grid-template-columns: 1fr;
        gap: 2px;
      }
    }
  `,
  providers: [provideLiveErrors()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrollmentDetailPage {
  private readonly api = inject(EnrollmentsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly titleService = inject(Title);
  private readonly injector = inject(Injector);
  private readonly firstField = viewChild<ElementRef<HTMLElement>>('firstField');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly tones = STATUS_TONES;
  protected readonly typeLabels = TYPE_LABELS;

  private readonly practiceId = routeParam('practiceId');
  private readonly enrollmentId = routeParam('enrollmentId');
  protected readonly view = signal<EnrollmentView | null>(null);
  protected readonly history = signal<EnrollmentHistoryEntry[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly historyProblem = signal<ApiProblem | null>(null);
  protected readonly actionProblem = signal<ApiProblem | null>(null);
  protected readonly actionExtra = signal<string[]>([]);
  protected readonly mode = signal<Mode>(null);
  protected readonly busy = signal(false);
  protected readonly progress = signal('Uploading…');
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly document = signal<DocumentView | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  /** A document uploaded whose attach failed (e.g. 409): sent again without uploading twice. */
  private uploaded: { file: File; documentId: string } | null = null;

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly rejectForm = this.fb.group({
    reason: ['', [Validators.required, Validators.maxLength(2000)]],
  });
  protected readonly documentForm = this.fb.group({
    instructions: ['', [Validators.required, Validators.maxLength(2000)]],
  });
  protected readonly reason = this.rejectForm.controls.reason;
  protected readonly instructions = this.documentForm.controls.instructions;

  protected readonly mayAnswer = computed(() => can(STAFF_ROLES, this.auth.role()));
  protected readonly mayRequest = computed(() => can(REQUESTER_ROLES, this.auth.role()));
  protected readonly title = computed(() => {
    const e = this.view();
    return e ? `${e.payerName}: ${TYPE_LABELS[e.type].toLowerCase()}` : 'Enrollment';
  });
  protected readonly hint = computed(() => {
    const e = this.view();
    if (!e) return null;
    return e.status === 'document_required'
      ? 'The payer needs a document: follow the instructions below and attach it.'
      : statusHint(e.status, e.type);
  });
  protected readonly documentLabel = computed(() => {
    const d = this.document();
    return d ? `${d.originalName} (${fileSize(d.sizeBytes)})` : 'A document';
  });

  constructor() {
    effect(() => {
      this.practiceId();
      this.enrollmentId();
      untracked(() => {
        this.view.set(null);
        void this.load();
      });
    });
  }

  protected label(status: EnrollmentStatus): string {
    return statusLabel(status);
  }

  protected actionLabel(action: string): string {
    return ACTION_LABELS[action] ?? action;
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected who(entry: EnrollmentHistoryEntry): string {
    if (!entry.changedBy) return 'By the system';
    return entry.changedBy === this.auth.user()?.id ? 'By you' : 'By a user of Claimline';
  }

  async load(): Promise<void> {
    const id = this.enrollmentId();
    if (!id) return;
    this.loading.set(true);
    this.loadProblem.set(null);
    this.actionProblem.set(null);
    this.mode.set(null);
    try {
      this.show(await this.api.get(id));
    } catch (e) {
      this.loadProblem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
    if (this.view()) await this.loadHistory();
  }

  protected open(mode: Mode): void {
    this.mode.set(mode);
    this.actionProblem.set(null);
    this.reason.reset('');
    this.instructions.reset('');
    if (mode) afterNextRender(() => this.firstField()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async reject(): Promise<void> {
    this.reason.setValue(this.reason.value.trim());
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    await this.act({ action: 'reject', reason: this.reason.value });
  }

  protected async requireDocument(): Promise<void> {
    this.instructions.setValue(this.instructions.value.trim());
    this.instructions.markAsTouched();
    if (this.instructions.invalid) return;
    await this.act({ action: 'require_document', instructions: this.instructions.value });
  }

  protected async act(body: EnrollmentActionBody): Promise<boolean> {
    const e = this.view();
    if (!e?.id || this.busy()) return false;
    this.busy.set(true);
    this.actionProblem.set(null);
    this.actionExtra.set([]);
    try {
      const updated = await this.api.act(e.id, e.version, body);
      this.show(updated);
      this.mode.set(null);
      this.snack.open(DONE[body.action](updated), 'OK', { duration: 6000 });
      await this.loadHistory();
      return true;
    } catch (err) {
      const p = toProblem(err);
      if (p.status === 409) {
        p.detail =
          p.currentVersion !== undefined
            ? 'Someone else acted on this enrollment while you were looking at it. Reload it to see its current status, then act again if still needed.'
            : `${p.detail}. Reload the enrollment to see its current status.`;
      } else if (p.status === 422) {
        const field = p.errors.find((x) => x.field === 'reason' || x.field === 'instructions');
        const control = field?.field === 'reason' ? this.reason : field ? this.instructions : null;
        control?.setErrors({ server: field?.message });
      }
      this.actionProblem.set(p);
      this.actionExtra.set(p.errors.map((x) => x.message));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  protected pick(files: FileList | null): void {
    const f = files?.[0] ?? null;
    this.file.set(f);
    this.fileError.set(f ? fileProblem(f) : null);
    this.actionProblem.set(null);
  }

  protected async attach(): Promise<void> {
    const e = this.view();
    const practiceId = this.practiceId();
    const f = this.file();
    if (!e?.id || !practiceId || !f || this.fileError() || this.busy()) return;
    let documentId = this.uploaded?.file === f ? this.uploaded.documentId : null;
    if (!documentId) {
      this.busy.set(true);
      this.progress.set('Uploading…');
      this.actionProblem.set(null);
      try {
        const doc = await this.api.uploadEnrollmentForm(practiceId, e.id, f, f.name);
        documentId = doc.id;
        this.uploaded = { file: f, documentId };
        this.document.set(doc);
      } catch (err) {
        const p = toProblem(err);
        // The documents service says why it refused the bytes (type, damage, size) in `detail`.
        const refused = p.status === 422 || p.status === 415 || p.status === 413;
        this.fileError.set(refused ? (p.errors.find((x) => x.field === 'file')?.message ?? p.detail) : null);
        if (!this.fileError()) this.actionProblem.set(p);
        this.busy.set(false);
        return;
      }
      this.busy.set(false);
    }
    this.progress.set('Sending…');
    if (await this.act({ action: 'attach_document', documentId })) {
      this.uploaded = null;
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    }
  }

  protected async download(documentId: string): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    try {
      const blob = await this.api.documentContent(practiceId, documentId);
      const url = URL.createObjectURL(blob);
      const a = Object.assign(window.document.createElement('a'), {
        href: url,
        download: this.document()?.originalName ?? 'enrollment-document',
      });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      const p = toProblem(err);
      this.downloadError.set(p.status === 404 ? 'This document is no longer available.' : p.detail);
    } finally {
      this.downloading.set(false);
    }
  }

  protected async enrollAgain(e: EnrollmentView): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    const ref = this.dialog.open<EnrollDialog, EnrollDialogData, EnrollmentView>(EnrollDialog, {
      data: { practiceId, payerId: e.payerId, payerName: e.payerName, type: e.type },
      autoFocus: 'first-heading',
      width: '640px',
      maxWidth: '95vw',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (result)
      this.snack.open(`${TYPE_LABELS[e.type]} enrollment with ${e.payerName} submitted`, 'OK', {
        duration: 6000,
      });
    await this.load();
  }

  private show(e: EnrollmentView): void {
    this.view.set(e);
    this.titleService.setTitle(`${e.payerName} ${TYPE_LABELS[e.type].toLowerCase()} enrollment · Claimline`);
    const practiceId = this.practiceId();
    if (e.documentId && practiceId && this.document()?.id !== e.documentId) {
      this.document.set(null);
      this.api
        .document(practiceId, e.documentId)
        .then((d) => this.document.set(d))
        .catch(() => undefined);
    }
  }

  private async loadHistory(): Promise<void> {
    const id = this.view()?.id;
    if (!id) return;
    this.historyProblem.set(null);
    try {
      this.history.set(await this.api.history(id));
    } catch (e) {
      this.history.set(null);
      this.historyProblem.set(toProblem(e));
    }
  }
}

const DONE: Record<EnrollmentActionBody['action'], (e: EnrollmentView) => string> = {
  accept: (e) => `Enrollment with ${e.payerName} accepted`,
  reject: (e) => `Enrollment with ${e.payerName} rejected`,
  require_document: () => 'Document requested; the practice is e-mailed',
  attach_document: () => 'Document sent; the enrollment is submitted again',
};
