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
  DisplayDatePipe,
} from '@claimline/admin-console/ui-common';
import type { DocumentView } from '@claimline/contracts/documents';
import type {
  EnrollmentHistoryEntry,
  EnrollmentStatus,
  EnrollmentView,
} from '@claimline/contracts/enrollments';
import { EnrollDialog, type EnrollDialogData } from './enroll.dialog';
import { EnrollmentHistoryComponent } from './enrollment-history.component';
import {
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
    DisplayDatePipe,
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
    EnrollmentHistoryComponent,
  ],
  templateUrl: './enrollment-detail.page.html',
  styleUrl: './enrollment-detail.page.scss',
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
  // `read: ElementRef`: on a Material button the reference is the button component, which has no
  // `nativeElement` (Accept's "Confirm acceptance" button threw on focus).
  private readonly firstField = viewChild('firstField', { read: ElementRef<HTMLElement> });
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly tones = STATUS_TONES;
  protected readonly userId = computed(() => this.auth.user()?.id ?? null);
  /** The secure-message link's words: billing staff write to the practice, the practice to its billing team. */
  protected readonly seesManyPractices = this.auth.seesManyPractices;
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

  protected size(bytes: number): string {
    return fileSize(bytes);
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
