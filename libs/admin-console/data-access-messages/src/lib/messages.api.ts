import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type {
  AboutType,
  CreatedThreadView,
  CursorPage,
  MarkReadView,
  MessageView,
  ParticipantView,
  ThreadView,
  UnreadCountsView,
} from '@claimline/contracts/messaging/plain';

export interface ThreadFilters {
  aboutType?: AboutType | null;
  aboutId?: string | null;
  search?: string | null;
  unreadOnly?: boolean;
  cursor?: string | null;
  limit?: number;
}

export interface NewThread {
  subject: string;
  participantUserIds: string[];
  text: string;
  about?: { type: AboutType; id: string };
}

/** Secure messaging of a practice (threads, messages, read state) and the user's unread counts. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  private url(practiceId: string, path = ''): string {
    return `${API_BASE}/practices/${encodeURIComponent(practiceId)}${path}`;
  }

  /** The caller's threads of the practice, newest activity first; only the filters that are set are sent. */
  threads(practiceId: string, filters: ThreadFilters = {}): Promise<CursorPage<ThreadView>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters))
      if (value !== null && value !== undefined && value !== '' && value !== false)
        params = params.set(key, String(value));
    return firstValueFrom(
      this.http.get<CursorPage<ThreadView>>(this.url(practiceId, '/threads'), { params }),
    );
  }

  thread(practiceId: string, threadId: string): Promise<ThreadView> {
    return firstValueFrom(
      this.http.get<ThreadView>(this.url(practiceId, `/threads/${encodeURIComponent(threadId)}`)),
    );
  }

  /** Newest first by `cursor`, or (with `after`) the messages after the last one seen, oldest first. */
  messages(
    practiceId: string,
    threadId: string,
    page: { cursor?: string; after?: string; limit?: number } = {},
  ): Promise<CursorPage<MessageView>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(page))
      if (value !== undefined) params = params.set(key, String(value));
    return firstValueFrom(
      this.http.get<CursorPage<MessageView>>(
        this.url(practiceId, `/threads/${encodeURIComponent(threadId)}/messages`),
        { params },
      ),
    );
  }

  participants(practiceId: string): Promise<ParticipantView[]> {
    return firstValueFrom(this.http.get<ParticipantView[]>(this.url(practiceId, '/messaging/participants')));
  }

  createThread(practiceId: string, body: NewThread): Promise<CreatedThreadView> {
    return firstValueFrom(this.http.post<CreatedThreadView>(this.url(practiceId, '/threads'), body));
  }

  post(practiceId: string, threadId: string, text: string): Promise<MessageView> {
    return firstValueFrom(
      this.http.post<MessageView>(this.url(practiceId, `/threads/${encodeURIComponent(threadId)}/messages`), {
        text,
      }),
    );
  }

  markRead(practiceId: string, threadId: string): Promise<MarkReadView> {
    return firstValueFrom(
      this.http.post<MarkReadView>(this.url(practiceId, `/threads/${encodeURIComponent(threadId)}/read`), {}),
    );
  }

  unread(): Promise<UnreadCountsView> {
    return firstValueFrom(this.http.get<UnreadCountsView>(`${API_BASE}/messaging/unread`));
  }
}
