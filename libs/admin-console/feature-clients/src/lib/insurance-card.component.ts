import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import {
  ACCEPTED_DOCUMENT_TYPES,
  DOCUMENT_MAX_BYTES,
  DocumentsApi,
} from '@claimline/admin-console/data-access-clients';
import type { PolicyView } from '@claimline/contracts/client-insurance';
import type { DocumentKind, DocumentView } from '@claimline/contracts/documents';
import { CardMemory } from './card-memory.store';
import { ClientStore } from './client.store';
import { DisplayDatePipe } from '@claimline/admin-console/ui-common';
import { formatBytes } from './labels';

interface Slot {
  kind: Extract<DocumentKind, 'insurance_card_front' | 'insurance_card_back'>;
  side: 'front' | 'back';
  label: string;
}

interface Preview {
  url: string | null;
  loading: boolean;
  error: string | null;
}

const SLOTS: Slot[] = [
  { kind: 'insurance_card_front', side: 'front', label: 'Front of insurance card' },
  { kind: 'insurance_card_back', side: 'back', label: 'Back of insurance card' },
];

/** Words for an upload the API refused (413 too large, 415/422 not a JPEG, PNG or PDF). */
export function uploadRefusal(p: ApiProblem): string {
  const fieldMessage = p.errors[0]?.message;
  if (p.status === 413)
    return 'The file is larger than 10 MB. Scan or photograph the card at a lower resolution and try again.';
  if (p.status === 415)
    return `This kind of file is not accepted: only JPEG, PNG and PDF files are. ${fieldMessage ?? ''}`.trim();
  if (p.status === 422) return fieldMessage ?? p.detail;
  return p.detail;
}

/**
 * Front and back of the member ID card for one policy: pick a file, it is uploaded as is and
 * shown back from the server (so what you see is what was stored). Images preview inline; a PDF
 * opens in a new tab.
 */
@Component({
  selector: 'cl-insurance-card',
  imports: [MatButtonModule, DisplayDatePipe],
  template: `
    <section class="card" [attr.aria-labelledby]="'card-h-' + policy().id">
      <h3 [id]="'card-h-' + policy().id">Insurance card</h3>
      <p class="hint">JPEG, PNG or PDF, up to 10 MB. A new upload replaces the side shown for claims.</p>
      <div class="slots">
        @for (slot of slots; track slot.kind) {
          <div class="slot">
            <label class="label" [for]="inputId(slot)">{{ slot.label }}</label>
            <input
              type="file"
              [id]="inputId(slot)"
              [attr.data-field]="inputId(slot)"
              accept="image/jpeg,image/png,application/pdf"
              [disabled]="busy()[slot.kind]"
              (change)="pick(slot, $event)"
            />
            @if (busy()[slot.kind]) {
              <p role="status">Uploading…</p>
            }
            @if (errors()[slot.kind]; as err) {
              <p class="error" role="alert">The {{ slot.label.toLowerCase() }} was not uploaded: {{ err }}</p>
            }
            @for (d of docs(slot); track d.id; let first = $first) {
              <figure class="doc" [class.older]="!first">
                @if (previews()[d.id]; as pv) {
                  @if (pv.loading) {
                    <p role="status">Loading the image…</p>
                  } @else if (pv.error) {
                    <p class="error" role="alert">The card could not be shown: {{ pv.error }}</p>
                  } @else if (pv.url) {
                    @if (d.contentType === 'application/pdf') {
                      <a [href]="pv.url" target="_blank" rel="noopener"
                        >Open the PDF ({{ d.originalName }})</a
                      >
                    } @else {
                      <img
                        [src]="pv.url"
                        [alt]="slot.label + ' (' + d.originalName + ')'"
                        class="thumb"
                        data-testid="card-preview"
                      />
                      <button mat-button type="button" class="open" (click)="openOriginal(d)">
                        Open full size<span class="cl-visually-hidden">: {{ slot.label.toLowerCase() }}</span>
                      </button>
                    }
                  }
                }
                <figcaption>
                  @if (!first) {
                    <strong>Earlier upload · </strong>
                  }
                  {{ d.originalName }} · {{ size(d.sizeBytes) }} · uploaded
                  {{ d.uploadedAt | clDate: 'datetime' }}
                </figcaption>
                <button
                  mat-button
                  type="button"
                  (click)="remove(d)"
                  [attr.aria-label]="'Remove ' + slot.label.toLowerCase() + ' ' + d.originalName"
                >
                  Remove
                </button>
              </figure>
            } @empty {
              @if (!busy()[slot.kind]) {
                <p class="none">No {{ slot.side }} image on file.</p>
              }
            }
          </div>
        }
      </div>
    </section>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
    }
    .hint {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .slots {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 16px;
    }
    .slot {
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px;
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: 0;
    }
    .label {
      font-weight: 600;
    }
    input[type='file'] {
      max-width: 100%;
    }
    .doc {
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    .thumb {
      max-width: 100%;
      max-height: 180px;
      min-width: 48px;
      min-height: 32px;
      object-fit: contain;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      background: #fff;
      image-rendering: auto;
    }
    figcaption {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .older .thumb {
      max-height: 90px;
    }
    .open {
      align-self: flex-start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InsuranceCardComponent implements OnInit {
  readonly practiceId = input.required<string>();
  readonly policy = input.required<PolicyView>();
  private readonly documents = inject(DocumentsApi);
  private readonly memory = inject(CardMemory);
  private readonly store = inject(ClientStore, { optional: true });
  protected readonly slots = SLOTS;
  protected readonly busy = signal<Partial<Record<DocumentKind, boolean>>>({});
  protected readonly errors = signal<Partial<Record<DocumentKind, string | null>>>({});
  protected readonly previews = signal<Record<string, Preview>>({});
  /** Cards on file before this session (the policy's `cards` ids), read once. */
  private readonly onFile = signal<DocumentView[]>([]);
  private readonly removedIds = signal<ReadonlySet<string>>(new Set());
  private readonly session = computed(() => this.memory.of(this.policy().id));
  private readonly urls = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearTimeout(this.timer);
      for (const url of this.urls) URL.revokeObjectURL(url);
      this.urls.clear();
    });
  }

  ngOnInit(): void {
    for (const d of this.session()) void this.loadPreview(d);
    void this.loadOnFile();
  }

  /** Newest first: this session's uploads, then the one on file if it is not among them. */
  protected docs(slot: Slot): DocumentView[] {
    const removed = this.removedIds();
    const mine = this.session().filter((d) => d.kind === slot.kind);
    const earlier = this.onFile().filter((d) => d.kind === slot.kind && !mine.some((m) => m.id === d.id));
    return [...mine, ...earlier].filter((d) => !removed.has(d.id));
  }

  /** The front input of the primary policy is `card-front-primary` (missing-info links focus it). */
  protected inputId(slot: Slot): string {
    return `card-${slot.side}-${this.policy().order}`;
  }

  protected size = formatBytes;

  protected async pick(slot: Slot, event: Event): Promise<void> {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    inputEl.value = ''; // picking the same file again uploads again
    if (!file) return;
    this.setError(slot.kind, null);
    const local = this.localProblem(file);
    if (local) return this.setError(slot.kind, local);
    this.busy.update((b) => ({ ...b, [slot.kind]: true }));
    try {
      const doc = await this.documents.upload(this.practiceId(), file, {
        linkedType: 'policy',
        linkedId: this.policy().id,
        kind: slot.kind,
      });
      this.memory.add(doc);
      this.missingMayHaveChanged();
      await this.loadPreview(doc);
    } catch (e) {
      this.setError(slot.kind, uploadRefusal(toProblem(e)));
    } finally {
      this.busy.update((b) => ({ ...b, [slot.kind]: false }));
    }
  }

  protected async remove(doc: DocumentView): Promise<void> {
    try {
      await this.documents.remove(this.practiceId(), doc.id);
      this.memory.remove(doc);
      this.removedIds.update((ids) => new Set([...ids, doc.id]));
      const url = this.previews()[doc.id]?.url;
      if (url) {
        URL.revokeObjectURL(url);
        this.urls.delete(url);
      }
      this.missingMayHaveChanged();
    } catch (e) {
      this.setError(doc.kind, `The file could not be removed: ${toProblem(e).detail}`);
    }
  }

  /** The stored original in a new tab (the preview may be a smaller copy). */
  protected async openOriginal(doc: DocumentView): Promise<void> {
    const tab = window.open('', '_blank');
    try {
      const blob = await this.documents.content(this.practiceId(), doc.id);
      const url = this.keep(URL.createObjectURL(blob));
      if (tab) tab.location.href = url;
    } catch (e) {
      tab?.close();
      this.setError(doc.kind, `The original could not be opened: ${(e as ApiProblem).detail ?? 'try again'}`);
    }
  }

  /** Checks the browser can make before sending: the server decides by the bytes anyway. */
  private localProblem(file: File): string | null {
    if (file.size === 0) return 'The file is empty.';
    if (file.size > DOCUMENT_MAX_BYTES)
      return `The file is ${formatBytes(file.size)}; the limit is 10 MB. Scan the card at a lower resolution.`;
    if (file.type && !(ACCEPTED_DOCUMENT_TYPES as readonly string[]).includes(file.type)) {
      return `“${file.name}” is not a JPEG, PNG or PDF file; only those are accepted.`;
    }
    return null;
  }

  private setError(kind: DocumentKind, message: string | null): void {
    this.errors.update((e) => ({ ...e, [kind]: message }));
  }

  /** Missing info counts the card front once documents-service's event has reached client-insurance: ask now and a bit later. */
  private missingMayHaveChanged(): void {
    if (!this.store) return;
    void this.store.refreshMissing();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.store?.refreshMissing(), 2000);
  }

  /** The policy's current card ids (`cards`, newer APIs) and this session's uploads not yet read after a reload. */
  private async loadOnFile(): Promise<void> {
    const policyId = this.policy().id;
    const cards = (this.policy() as Partial<PolicyView>).cards;
    const current = [cards?.front, cards?.back].filter((id): id is string => !!id);
    const loaded = new Set(this.session().map((d) => d.id));
    const earlier = this.memory.idsOf(policyId).filter((id) => !loaded.has(id));
    // a document removed meanwhile (404) is forgotten; one that failed otherwise is tried again next time
    const read = (id: string) =>
      this.documents
        .get(this.practiceId(), id)
        .catch((e: unknown) => (toProblem(e).status === 404 ? ('gone' as const) : null));
    const [onFile, restored] = await Promise.all([
      Promise.all(current.filter((id) => !loaded.has(id)).map(read)),
      Promise.all(earlier.map(read)),
    ]);
    if (this.destroyed) return;
    const isDoc = (d: DocumentView | 'gone' | null): d is DocumentView => d !== null && d !== 'gone';
    restored.forEach((d, i) => {
      if (isDoc(d)) this.memory.restore(d);
      else if (d === 'gone') this.memory.remove({ id: earlier[i], linkedId: policyId });
    });
    this.onFile.set(onFile.filter(isDoc));
    for (const d of [...this.onFile(), ...restored.filter(isDoc)])
      if (!this.previews()[d.id]) void this.loadPreview(d);
  }

  private keep(url: string): string {
    this.urls.add(url);
    return url;
  }

  private async loadPreview(doc: DocumentView): Promise<void> {
    this.previews.update((p) => ({ ...p, [doc.id]: { url: null, loading: true, error: null } }));
    try {
      const small = (doc as Partial<DocumentView>).preview ? 'preview' : undefined;
      const blob = await this.documents.content(this.practiceId(), doc.id, small);
      if (this.destroyed) return;
      const url = this.keep(
        URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: doc.contentType })),
      );
      this.previews.update((p) => ({ ...p, [doc.id]: { url, loading: false, error: null } }));
    } catch (e) {
      const problem = e as ApiProblem;
      this.previews.update((p) => ({
        ...p,
        [doc.id]: { url: null, loading: false, error: problem?.detail ?? 'the file could not be read' },
      }));
    }
  }
}
