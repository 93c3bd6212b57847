import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  AuthService,
  routeParam,
  toProblem,
  type ApiProblem,
} from '@claimline/admin-console/data-access-core';
import { MessagesApi, MessagingRealtime } from '@claimline/admin-console/data-access-messages';
import {
  ErrorBannerComponent,
  FieldErrorComponent,
  FormSave,
  LoadingComponent,
  PageHeaderComponent,
} from '@claimline/admin-console/ui-common';
import {
  MESSAGE_MAX_LENGTH,
  MAX_MESSAGING_PAGE,
  type MessageView,
  type ThreadView,
} from '@claimline/contracts/messaging/plain';
import { ABOUT_LABELS, aboutLink, mergeMessages, nameOf, receiptOf, withReceipt } from './message-words';

/**
 * One thread: its messages oldest first, live (a pushed message is read through the API with
 * `after` the last one shown, and so is everything missed while the socket was away), read
 * receipts under one's own messages, and a reply box. While the page is open and visible the
 * thread is marked read, so the other side sees the receipt and no e-mail goes out.
 */
@Component({
  selector: 'cl-thread-page',
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
  ],
  template: `
    <div class="cl-page">
      <cl-page-header [title]="thread()?.subject ?? 'Message thread'" [subtitle]="people()">
        <a mat-stroked-button [routerLink]="['..']">All messages</a>
      </cl-page-header>
      @if (thread(); as t) {
        @if (t.about; as about) {
          <p class="about">
            About a {{ aboutLabels[about.type].toLowerCase() }}
            @if (aboutRoute(); as link) {
              · <a [routerLink]="link">open it</a>
            }
          </p>
        }
      }
      @if (problem(); as p) {
        <cl-error-banner [problem]="p" />
      }
      @if (loading()) {
        <cl-loading label="Loading messages…" />
      }
      @if (hasOlder()) {
        <button mat-button type="button" (click)="older()">Older messages</button>
      }
      <ol class="messages" aria-label="Messages" aria-live="polite">
        @for (m of messages(); track m.id) {
          <li [class.mine]="m.senderId === me()" data-testid="message">
            <div class="meta">
              <strong>{{ name(m.senderId) }}</strong>
              <span>{{ m.createdAt | date: 'MMM d, h:mm a' }}</span>
              @if (m.editedAt) {
                <span>(edited)</span>
              }
            </div>
            @if (m.deletedAt) {
              <p class="deleted">Message deleted</p>
            } @else {
              <p class="text" data-testid="message-text">{{ m.text }}</p>
            }
            @if (receipt(m); as r) {
              <div class="receipt" data-testid="receipt">{{ r }}</div>
            }
          </li>
        }
      </ol>
      <form [formGroup]="form" (ngSubmit)="reply()" class="reply" novalidate>
        <cl-error-banner [problem]="save.problem()" [extra]="save.unmatched()" />
        <mat-form-field appearance="outline">
          <mat-label>Reply</mat-label>
          <textarea
            matInput
            formControlName="text"
            rows="3"
            [maxlength]="textMax"
            data-testid="reply-text"
          ></textarea>
          <mat-error><cl-field-error [control]="form.controls.text" /></mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="save.busy()" data-testid="reply-send">Send</button>
      </form>
    </div>
  `,
  styles: `
    .messages {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .messages li {
      max-width: 70%;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .messages li.mine {
      align-self: flex-end;
      background: var(--mat-sys-secondary-container);
    }
    .meta {
      display: flex;
      gap: 8px;
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      white-space: pre-wrap;
      margin: 4px 0;
    }
    .deleted {
      font-style: italic;
      margin: 4px 0;
    }
    .receipt {
      font-size: 12px;
      text-align: right;
      color: var(--mat-sys-on-surface-variant);
    }
    .reply {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .about {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThreadPage {
  private readonly api = inject(MessagesApi);
  private readonly realtime = inject(MessagingRealtime);
  private readonly auth = inject(AuthService);
  protected readonly practiceId = routeParam('practiceId');
  protected readonly threadId = routeParam('threadId');
  protected readonly me = () => this.auth.user()?.id ?? null;
  protected readonly thread = signal<ThreadView | null>(null);
  protected readonly messages = signal<MessageView[]>([]);
  protected readonly hasOlder = signal(false);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly aboutLabels = ABOUT_LABELS;
  protected readonly textMax = MESSAGE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    text: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MESSAGE_MAX_LENGTH)],
    }),
  });
  protected readonly save = new FormSave(this.form);
  private olderCursor: string | null = null;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;

  constructor() {
    effect(() => {
      const practiceId = this.practiceId();
      const threadId = this.threadId();
      if (practiceId && threadId) untracked(() => void this.load(practiceId, threadId));
    });
    effect(() => {
      if (this.realtime.reconnected() > 0) untracked(() => void this.catchUp());
    });
    const destroyRef = inject(DestroyRef);
    this.realtime.frames.pipe(takeUntilDestroyed(destroyRef)).subscribe((frame) => {
      if (!('threadId' in frame) || frame.threadId !== this.threadId()) return;
      if (frame.type === 'message.posted') void this.catchUp();
      else if (frame.type === 'thread.read')
        this.messages.update((l) => withReceipt(l, frame.userId, frame.messageIds));
      else if (frame.type === 'message.edited' || frame.type === 'message.deleted') void this.refreshLatest();
    });
    // Back to the tab: what arrived meanwhile is read now.
    const onVisible = () => void this.markReadIfSeen();
    document.addEventListener('visibilitychange', onVisible);
    destroyRef.onDestroy(() => document.removeEventListener('visibilitychange', onVisible));
  }

  protected people(): string {
    const t = this.thread();
    if (!t) return '';
    return t.participants
      .filter((p) => p.id !== this.me())
      .map((p) => p.displayName)
      .join(', ');
  }

  protected aboutRoute(): string[] | null {
    const t = this.thread();
    return t ? aboutLink(t.practiceId, t.about) : null;
  }

  protected name(userId: string): string {
    return nameOf(this.thread()?.participants ?? [], userId, this.me());
  }

  protected receipt(m: MessageView): string {
    return receiptOf(m, this.thread()?.participants ?? [], this.me());
  }

  protected async reply(): Promise<void> {
    const practiceId = this.practiceId();
    const threadId = this.threadId();
    if (!practiceId || !threadId) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return this.save.invalid();
    }
    const ok = await this.save.run(async () => {
      const posted = await this.api.post(practiceId, threadId, this.form.getRawValue().text);
      this.messages.update((l) => mergeMessages(l, [posted]));
    });
    if (ok) this.form.reset();
  }

  protected async older(): Promise<void> {
    const practiceId = this.practiceId();
    const threadId = this.threadId();
    if (!practiceId || !threadId || !this.olderCursor) return;
    try {
      const page = await this.api.messages(practiceId, threadId, { cursor: this.olderCursor });
      this.messages.update((l) => mergeMessages(l, page.items));
      this.olderCursor = page.nextCursor;
      this.hasOlder.set(page.nextCursor !== null);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  private async load(practiceId: string, threadId: string): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    this.messages.set([]);
    try {
      const [thread, page] = await Promise.all([
        this.api.thread(practiceId, threadId),
        this.api.messages(practiceId, threadId, { limit: 50 }),
      ]);
      this.thread.set(thread);
      this.messages.set(mergeMessages([], page.items));
      this.olderCursor = page.nextCursor;
      this.hasOlder.set(page.nextCursor !== null);
      await this.markReadIfSeen();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** Reads what came after the last message shown (one request at a time; a push meanwhile asks again). */
  private async catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        await this.fetchAfter();
      } while (this.catchUpAgain);
    })().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async fetchAfter(): Promise<void> {
    const practiceId = this.practiceId();
    const threadId = this.threadId();
    const last = this.messages().at(-1);
    if (!practiceId || !threadId) return;
    if (!last) return this.refreshLatest();
    try {
      let after = last.id;
      for (;;) {
        const page = await this.api.messages(practiceId, threadId, { after, limit: MAX_MESSAGING_PAGE });
        this.messages.update((l) => mergeMessages(l, page.items));
        if (!page.nextCursor || page.items.length === 0) break;
        after = page.items[page.items.length - 1].id;
      }
      await this.markReadIfSeen();
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  private async refreshLatest(): Promise<void> {
    const practiceId = this.practiceId();
    const threadId = this.threadId();
    if (!practiceId || !threadId) return;
    try {
      const page = await this.api.messages(practiceId, threadId, { limit: 50 });
      this.messages.update((l) => mergeMessages(l, page.items));
      await this.markReadIfSeen();
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  private async markReadIfSeen(): Promise<void> {
    const practiceId = this.practiceId();
    const threadId = this.threadId();
    const me = this.me();
    if (!practiceId || !threadId || document.visibilityState !== 'visible') return;
    const unseen = this.messages().some(
      (m) => m.senderId !== me && !m.deletedAt && !m.readBy.includes(me ?? ''),
    );
    if (!unseen) return;
    try {
      await this.api.markRead(practiceId, threadId);
      this.messages.update((l) =>
        l.map((m) =>
          m.senderId !== me && me && !m.readBy.includes(me) ? { ...m, readBy: [...m.readBy, me] } : m,
        ),
      );
    } catch {
      // The next push or visit marks it read; nothing to show for it.
    }
  }
}
