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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  AuthService,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { ClaimsApi, UnbilledApi } from '@claimline/admin-console/data-access-claims';
import {
  confirm,
  EmptyStateComponent,
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
  plural,
} from '@claimline/admin-console/ui-common';
import type {
  AppointmentView,
  NotClaimedView,
  UnbilledAppointmentView,
} from '@claimline/contracts/claims/plain';
import { BillingNamesStore } from './billing-names.store';
import {
  anyFilter,
  unbilledFiltersFrom,
  unbilledParams,
  unbilledQuery,
  type UnbilledFilters,
} from './claim-filters';
import { fixLink, money, type FixLink } from './claim-words';
import { askReason } from './reason.dialog';
import { saveFile } from './save-file';
import { batchesOf, CLAIM_BATCH_SIZE } from './batches';

const PAGE_SIZE = 50;

/** An appointment the batch could not put on a claim, with the words of the row it came from. */
interface NotClaimedRow extends NotClaimedView {
  practiceId: string;
  label: string;
}

/** A self-pay switch made on this page, which can be taken back while the page is open. */
interface Switched {
  practiceId: string;
  appointment: AppointmentView;
  label: string;
}

/**
 * The unbilled list: attended insurance appointments without a claim, across the practices the
 * user works for (`/unbilled`) or one practice's (`/practices/:practiceId/unbilled`). Filters live
 * in the address; the service pages with a cursor, so the page keeps the cursors it came through.
 */
@Component({
  selector: 'cl-unbilled-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
  ],
  templateUrl: './unbilled.page.html',
  styleUrl: './unbilled.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnbilledPage {
  protected readonly plural = plural;
  protected readonly money = money;
  private readonly unbilled = inject(UnbilledApi);
  private readonly claims = inject(ClaimsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  protected readonly names = inject(BillingNamesStore);
  protected readonly auth = inject(AuthService);
  /** Set on `/practices/:practiceId/unbilled`; the list across practices has a practice filter instead. */
  protected readonly routePractice = routeParam('practiceId');

  protected readonly filters = signal<UnbilledFilters>(
    unbilledFiltersFrom(this.route.snapshot.queryParamMap),
  );
  /** The practice whose clinicians the clinician filter offers. */
  protected readonly practiceId = computed(() => this.routePractice() ?? (this.filters().practice || null));
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly rows = signal<UnbilledAppointmentView[] | null>(null);
  /** The cursors of the pages before this one (the first page's is null), and the next page's. */
  private readonly cursors = signal<(string | null)[]>([null]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly pageNumber = computed(() => this.cursors().length);
  /** Payers seen on the rows so far, for the payer filter. */
  protected readonly payers = signal<Record<string, string>>({});
  protected readonly payerOptions = computed(() =>
    Object.entries(this.payers()).sort((a, b) => a[1].localeCompare(b[1])),
  );

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedRows = computed(() =>
    (this.rows() ?? []).filter((r) => this.selected().has(r.appointmentId)),
  );
  protected readonly allSelected = computed(() => {
    const rows = this.rows() ?? [];
    return rows.length > 0 && rows.every((r) => this.selected().has(r.appointmentId));
  });

  /** The batch being made: done of total appointments, and what it made. */
  protected readonly batch = signal<{ done: number; total: number } | null>(null);
  protected readonly report = signal<{
    claims: number;
    practices: string[];
    notClaimed: NotClaimedRow[];
  } | null>(null);
  protected readonly switched = signal<Switched[]>([]);
  protected readonly notice = signal<{ text: string; link: string[] | null } | null>(null);
  private seq = 0;

  constructor() {
    void this.names.loadPractices().catch((e: unknown) => this.problem.set(toProblem(e)));
    effect(() => {
      this.routePractice();
      untracked(() => this.reload());
    });
  }

  protected filtered(): boolean {
    const { practice, ...rest } = this.filters();
    return anyFilter(this.routePractice() ? rest : { practice, ...rest });
  }

  protected setFilter(key: keyof UnbilledFilters, value: string | null): void {
    const v = value ?? '';
    if ((key === 'from' || key === 'to') && v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
    this.filters.update((f) => ({ ...f, [key]: v, ...(key === 'practice' ? { clinician: '' } : {}) }));
    this.reload();
  }

  private reload(): void {
    this.cursors.set([null]);
    this.selected.set(new Set());
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: unbilledParams({ ...this.filters(), ...(this.routePractice() ? { practice: '' } : {}) }),
      replaceUrl: true,
    });
    void this.load();
  }

  protected next(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.cursors.update((c) => [...c, cursor]);
    void this.load();
  }

  protected previous(): void {
    if (this.cursors().length < 2) return;
    this.cursors.update((c) => c.slice(0, -1));
    void this.load();
  }

  private async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const page = await this.unbilled.list({
        ...unbilledQuery(this.filters(), this.routePractice()),
        limit: PAGE_SIZE,
        cursor: this.cursors().at(-1) ?? null,
      });
      if (mine !== this.seq) return;
      this.rows.set(page.items);
      this.nextCursor.set(page.nextCursor);
      this.payers.update((all) => {
        const more = { ...all };
        for (const r of page.items) if (r.payer) more[r.payer.id] = r.payer.name;
        return more;
      });
      const practices = new Set(page.items.map((r) => r.practiceId));
      if (this.practiceId()) practices.add(this.practiceId() as string);
      await this.names.load(practices);
    } catch (e) {
      if (mine === this.seq) this.problem.set(toProblem(e));
    } finally {
      if (mine === this.seq) this.loading.set(false);
    }
  }

  protected isSelected(row: UnbilledAppointmentView): boolean {
    return this.selected().has(row.appointmentId);
  }

  protected toggle(row: UnbilledAppointmentView, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(row.appointmentId);
      else next.delete(row.appointmentId);
      return next;
    });
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(on ? new Set((this.rows() ?? []).map((r) => r.appointmentId)) : new Set());
  }

  protected fix(row: UnbilledAppointmentView, reason: UnbilledAppointmentView['reasons'][number]): FixLink {
    return fixLink(row.practiceId, row.clientId, reason.fix);
  }

  protected label(row: UnbilledAppointmentView): string {
    return `${row.serviceDate} ${this.names.clientName(row.practiceId, row.clientId)}`;
  }

  /** Claims from the selected appointments, a few at a time so the bar moves, per practice. */
  protected async createClaims(): Promise<void> {
    const rows = this.selectedRows();
    if (rows.length === 0) return;
    this.report.set(null);
    this.notice.set(null);
    this.problem.set(null);
    this.batch.set({ done: 0, total: rows.length });
    const byId = new Map(rows.map((r) => [r.appointmentId, r]));
    const notClaimed: NotClaimedRow[] = [];
    const practices = new Set<string>();
    let made = 0;
    try {
      for (const { practiceId, ids } of batchesOf(rows, CLAIM_BATCH_SIZE)) {
        const result = await this.claims.create(practiceId, { appointmentIds: ids });
        made += result.claims.length;
        if (result.claims.length) practices.add(practiceId);
        for (const n of result.notClaimed) {
          const row = byId.get(n.appointmentId);
          notClaimed.push({ ...n, practiceId, label: row ? this.label(row) : n.appointmentId });
        }
        this.batch.update((b) => (b ? { ...b, done: b.done + ids.length } : b));
      }
    } catch (e) {
      this.problem.set(toProblem(e));
    }
    this.report.set({ claims: made, practices: [...practices], notClaimed });
    this.selected.set(new Set());
    this.cursors.set([null]);
    await this.load();
  }

  protected claimsLink(practiceId: string): string[] {
    return ['/practices', practiceId, 'claims'];
  }

  /** Self-pay: the appointment leaves the list and its fee is the client's; taken back with Undo. */
  protected async selfPay(row: UnbilledAppointmentView): Promise<void> {
    const label = this.label(row);
    const appointment = await askReason<AppointmentView>(this.dialog, {
      title: 'Switch to self-pay',
      message: `The appointment of ${label} leaves the unbilled list and its fee becomes the client’s. You can switch it back.`,
      confirm: 'Switch to self-pay',
      initial: 'Client chose to pay out of pocket',
      send: (reason) =>
        this.unbilled.setBillingType(row.practiceId, row.appointmentId, {
          billingType: 'self_pay',
          reason,
          version: row.version,
        }),
    });
    if (!appointment) return;
    this.switched.update((s) => [{ practiceId: row.practiceId, appointment, label }, ...s]);
    this.notice.set({ text: `${label} switched to self-pay.`, link: null });
    await this.load();
  }

  protected async undoSelfPay(s: Switched): Promise<void> {
    this.problem.set(null);
    try {
      await this.unbilled.setBillingType(s.practiceId, s.appointment.id, {
        billingType: 'insurance',
        reason: 'Self-pay switch taken back',
        version: s.appointment.version,
      });
      this.switched.update((all) => all.filter((x) => x !== s));
      this.notice.set({ text: `${s.label} is billed to insurance again.`, link: null });
      await this.load();
    } catch (e) {
      this.problem.set(toProblem(e));
    }
  }

  /** Filed outside Claimline: a Downloaded claim for the record, and its CMS-1500 downloaded. */
  protected async fileOutside(row: UnbilledAppointmentView): Promise<void> {
    const label = this.label(row);
    const ok = await confirm(this.dialog, {
      title: 'Filed outside Claimline',
      message: `A claim is kept for the record of ${label}, marked Downloaded and never submitted; its CMS-1500 is downloaded.`,
      confirm: 'Record and download',
    });
    if (!ok) return;
    this.problem.set(null);
    let claim: { id: string };
    try {
      claim = await this.claims.fileOutside(row.practiceId, row.appointmentId);
    } catch (e) {
      return this.problem.set(toProblem(e));
    }
    this.notice.set({
      text: `${label} recorded as filed outside.`,
      link: ['/practices', row.practiceId, 'claims', claim.id],
    });
    try {
      const file = await this.claims.cms1500(row.practiceId, claim.id);
      saveFile(file.blob, file.fileName);
    } catch (e) {
      this.problem.set(toProblem(e));
    }
    await this.load();
  }
}
