import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import {
  AuthService,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { ClaimsApi, type ClaimFile } from '@claimline/admin-console/data-access-claims';
import {
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
  StatusChipComponent,
} from '@claimline/admin-console/ui-common';
import type { ClaimFindingView, ClaimHistoryView, ClaimView } from '@claimline/contracts/claims/plain';
import { CLAIM_EDITOR_ROLES } from '@claimline/contracts/claims/plain';
import type { ClaimVoidReason } from '@claimline/domain';
import { BillingNamesStore } from './billing-names.store';
import {
  CLAIM_STATUS_TONES,
  CLAIM_STATUS_WORDS,
  CLAIM_VOID_REASON_LABELS,
  fixLink,
  historyWords,
  money,
  serviceDates,
  type FixLink,
} from './claim-words';
import { askReason } from './reason.dialog';
import { saveFile } from './save-file';

/** The diagnosis letters of box 21 (A–L), which the lines' pointers name. */
const LETTERS = 'ABCDEFGHIJKL';

/**
 * A claim: what it copied when it was made, its lines and diagnoses, the scrub findings with the
 * page that fixes each, the status history; re-scrub, void with a reason, CMS-1500 and 837P.
 */
@Component({
  selector: 'cl-claim-detail-page',
  imports: [
    RouterLink,
    MatButtonModule,
    PageHeaderComponent,
    LoadingComponent,
    ErrorBannerComponent,
    StatusChipComponent,
  ],
  templateUrl: './claim-detail.page.html',
  styleUrl: './claim-detail.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimDetailPage {
  protected readonly money = money;
  protected readonly letters = LETTERS;
  private readonly api = inject(ClaimsApi);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthService);
  protected readonly names = inject(BillingNamesStore);
  protected readonly practiceId = routeParam('practiceId');
  private readonly claimId = routeParam('claimId');

  protected readonly claim = signal<ClaimView | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly canEdit = computed(() => CLAIM_EDITOR_ROLES.includes(this.auth.role() ?? 'clinician'));
  protected readonly tone = computed(() => CLAIM_STATUS_TONES[this.claim()?.status ?? 'void']);
  protected readonly statusWords = computed(() => CLAIM_STATUS_WORDS[this.claim()?.status ?? 'void']);
  protected readonly canScrub = computed(() => ['scrub', 'prepared'].includes(this.claim()?.status ?? ''));
  protected readonly canVoid = computed(() => !!this.claim() && this.claim()?.status !== 'void');
  /** Newest first, as a timeline reads. */
  protected readonly history = computed(() => [...(this.claim()?.history ?? [])].reverse());

  constructor() {
    effect(() => {
      const [p, c] = [this.practiceId(), this.claimId()];
      if (p && c) untracked(() => void this.load(p, c));
    });
  }

  private async load(practiceId: string, claimId: string): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      this.claim.set(await this.api.get(practiceId, claimId));
      await this.names.load([practiceId]);
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  protected fix(c: ClaimView, f: ClaimFindingView): FixLink {
    return fixLink(c.practiceId, c.clientId, f.fix);
  }

  protected pointers(p: number[]): string {
    return p.map((n) => LETTERS[n - 1] ?? String(n)).join('');
  }

  protected moveWords(h: ClaimHistoryView): string {
    return historyWords(h);
  }

  protected who(h: ClaimHistoryView): string {
    if (!h.actorId) return 'Claimline';
    return h.actorId === this.auth.user()?.id ? 'You' : 'A team member';
  }

  protected async rescrub(): Promise<void> {
    const c = this.claim();
    if (!c) return;
    await this.act('scrub', async () => {
      const after = await this.api.scrub(c.practiceId, c.id, c.version);
      this.claim.set(after);
      this.notice.set(`Scrubbed again: ${after.statusLabel}.`);
    });
  }

  protected async voidClaim(): Promise<void> {
    const c = this.claim();
    if (!c) return;
    const after = await askReason<ClaimView>(this.dialog, {
      title: `Void claim ${c.patientControlNumber}`,
      message:
        'A void claim ends: its appointments are unbilled again and the authorization visits it used are given back.',
      confirm: 'Void claim',
      choices: CLAIM_VOID_REASON_LABELS,
      noteFor: 'other',
      danger: true,
      send: (reason, note) =>
        this.api.void(c.practiceId, c.id, { reason: reason as ClaimVoidReason, note, version: c.version }),
    });
    if (after) {
      this.claim.set(after);
      this.notice.set('The claim is void.');
    }
  }

  protected download(kind: 'full' | 'data' | '837p'): Promise<void> {
    const c = this.claim();
    if (!c) return Promise.resolve();
    return this.act(kind, async () => {
      const file: ClaimFile =
        kind === '837p'
          ? await this.api.x12(c.practiceId, c.id)
          : await this.api.cms1500(c.practiceId, c.id, kind);
      saveFile(file.blob, file.fileName);
    });
  }

  private async act(what: string, run: () => Promise<void>): Promise<void> {
    this.busy.set(what);
    this.problem.set(null);
    this.notice.set(null);
    try {
      await run();
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.busy.set(null);
    }
  }

  protected dates(c: ClaimView): string {
    return serviceDates(c.serviceFrom, c.serviceTo);
  }
}
