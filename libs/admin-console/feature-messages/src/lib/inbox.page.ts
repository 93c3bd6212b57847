import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  AuthService,
  PracticeContext,
  type PracticeSummary,
  queryParam,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { MessagesApi, MessagingRealtime } from '@claimline/admin-console/data-access-messages';
import {
  EmptyStateComponent,
  ErrorBannerComponent,
  LoadingComponent,
  PageHeaderComponent,
} from '@claimline/admin-console/ui-common';
import type { ThreadView } from '@claimline/contracts/messaging/plain';
import { ComposeDialog, type ComposeDialogData } from './compose.dialog';
import { ABOUT_LABELS, ABOUT_OPTIONS, aboutTypeOf } from './message-words';

/**
 * A practice's message threads of the signed-in user: unread badges, filters by practice, by what
 * a thread is about (from the address, as the "Message the billing team" links set it) and unread
 * only, and a search. Live: any pushed change of this practice's threads reloads the list.
 */
@Component({
  selector: 'cl-inbox-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PageHeaderComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorBannerComponent,
  ],
  template: `
    <div class="cl-page">
      <cl-page-header title="Messages" subtitle="Secure messages between the practice and its billing team">
        <button mat-flat-button type="button" (click)="compose()" data-testid="new-thread">
          New message
        </button>
      </cl-page-header>

      <div class="filters" role="search" aria-label="Filter threads">
        @if (practices().length > 1) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Practice</mat-label>
            <mat-select [ngModel]="practiceId()" (ngModelChange)="openPractice($event)">
              @for (p of practices(); track p.id) {
                <mat-option [value]="p.id">{{ p.name }} ({{ unreadIn(p.id) }} unread)</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>About</mat-label>
          <mat-select [ngModel]="aboutType() ?? ''" (ngModelChange)="setAbout($event)">
            <mat-option value="">Anything</mat-option>
            @for (o of aboutOptions; track o.value) {
              <mat-option [value]="o.value">{{ o.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search</mat-label>
          <input
            matInput
            type="search"
            [ngModel]="search()"
            (ngModelChange)="search.set($event)"
            autocomplete="off"
          />
        </mat-form-field>
        <mat-checkbox [ngModel]="unreadOnly()" (ngModelChange)="unreadOnly.set($event)"
          >Unread only</mat-checkbox
        >
      </div>
      @if (aboutId()) {
        <p class="about-filter">
          Threads about this {{ aboutWord() }} only ·
          <a [routerLink]="[]" [queryParams]="{}">show all</a>
        </p>
      }

      @if (problem(); as p) {
        <cl-error-banner [problem]="p" />
      }
      @if (loading() && !threads().length) {
        <cl-loading label="Loading threads…" />
      } @else if (!threads().length && !problem()) {
        <cl-empty title="No messages yet">Start a thread with “New message”.</cl-empty>
      } @else {
        <ul class="threads" aria-label="Threads">
          @for (t of threads(); track t.id) {
            <li [class.unread]="t.unread > 0" data-testid="thread-row">
              <a [routerLink]="[t.id]" class="subject">{{ t.subject }}</a>
              @if (t.about; as about) {
                <span class="about">{{ aboutLabels[about.type] }}</span>
              }
              <span class="when">{{ t.lastMessageAt | date: 'MMM d, h:mm a' }}</span>
              @if (t.unread > 0) {
                <span class="badge" data-testid="thread-unread" [attr.aria-label]="t.unread + ' unread'">{{
                  t.unread
                }}</span>
              }
            </li>
          }
        </ul>
        @if (nextCursor()) {
          <button mat-stroked-button type="button" (click)="more()" [disabled]="loading()">
            Older threads
          </button>
        }
      }
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .threads {
      list-style: none;
      padding: 0;
      margin: 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .threads li {
      display: flex;
      gap: 12px;
      align-items: center;
      padding: 12px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .subject {
      flex: 1;
      color: inherit;
    }
    .unread .subject {
      font-weight: 700;
    }
    .about,
    .when {
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
    .badge {
      min-width: 22px;
      padding: 0 6px;
      border-radius: 11px;
      text-align: center;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 13px;
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly api = inject(MessagesApi);
  private readonly realtime = inject(MessagingRealtime);
  private readonly auth = inject(AuthService);
  private readonly practiceContext = inject(PracticeContext);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly practiceId = routeParam('practiceId');
  protected readonly aboutType = computed(() => aboutTypeOf(this.aboutTypeParam()));
  protected readonly aboutId = queryParam('aboutId');
  private readonly aboutTypeParam = queryParam('aboutType');
  protected readonly search = signal('');
  protected readonly unreadOnly = signal(false);
  protected readonly threads = signal<ThreadView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly practices = signal<PracticeSummary[]>([]);
  protected readonly aboutOptions = ABOUT_OPTIONS;
  protected readonly aboutLabels = ABOUT_LABELS;
  protected readonly aboutWord = computed(() =>
    (ABOUT_LABELS[this.aboutType() ?? 'client'] ?? '').toLowerCase(),
  );
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor() {
    effect(() => {
      // Reload on any filter change (search is read as typed; the server answers quickly).
      this.practiceId();
      this.aboutType();
      this.aboutId();
      this.search();
      this.unreadOnly();
      this.realtime.reconnected();
      untracked(() => this.scheduleLoad());
    });
    const destroyRef = inject(DestroyRef);
    this.realtime.frames.pipe(takeUntilDestroyed(destroyRef)).subscribe((frame) => {
      if ('practiceId' in frame && frame.practiceId === this.practiceId()) this.scheduleLoad();
    });
    destroyRef.onDestroy(() => clearTimeout(this.reloadTimer));
    // "Message the billing team" on a client or enrollment page opens the compose dialog at once.
    if (inject(ActivatedRoute).snapshot.queryParamMap.get('compose') === '1')
      setTimeout(() => void this.compose(true));
    if (this.auth.seesManyPractices())
      void this.practiceContext.search('', 50).then(
        (page) => this.practices.set(page.items),
        () => undefined,
      );
  }

  protected unreadIn(practiceId: string): number {
    return this.realtime.unread()?.practices.find((p) => p.practiceId === practiceId)?.unread ?? 0;
  }

  protected openPractice(practiceId: string): void {
    void this.router.navigate(['/practices', practiceId, 'messages']);
  }

  protected setAbout(type: string): void {
    void this.router.navigate([], { queryParams: type ? { aboutType: type } : {} });
  }

  protected async compose(fromLink = false): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    // The link's `compose` is spent: a reload or Back does not open the dialog again.
    if (fromLink)
      await this.router.navigate([], {
        queryParams: { compose: null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    const type = this.aboutType();
    const id = this.aboutId();
    const data: ComposeDialogData = { practiceId, about: type && id ? { type, id } : null };
    const created = await firstValueFrom(
      this.dialog.open(ComposeDialog, { data, width: '640px', maxWidth: '95vw' }).afterClosed(),
    );
    if (created) await this.router.navigate(['/practices', practiceId, 'messages', created.id]);
  }

  protected async more(): Promise<void> {
    await this.load(this.nextCursor());
  }

  /** Bursts of pushed frames and keystrokes make one request. */
  private scheduleLoad(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load(null), 150);
  }

  private async load(cursor: string | null): Promise<void> {
    const practiceId = this.practiceId();
    if (!practiceId) return;
    const generation = ++this.generation;
    this.loading.set(true);
    try {
      const page = await this.api.threads(practiceId, {
        aboutType: this.aboutType(),
        aboutId: this.aboutType() ? this.aboutId() : null,
        search: this.search().trim() || null,
        unreadOnly: this.unreadOnly(),
        cursor,
      });
      if (generation !== this.generation) return;
      this.threads.update((list) => (cursor ? [...list, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
      this.problem.set(null);
    } catch (error) {
      if (generation === this.generation) this.problem.set(toProblem(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}
