import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import { Subject } from 'rxjs';
import { AuthService } from '@claimline/admin-console/data-access-core';
import type { RealtimeServerFrame, UnreadCountsView } from '@claimline/contracts/messaging/plain';
import { afterClose, realtimeUrl, reconnectDelayMs } from './realtime-connection';

/** How often the token is looked at: AuthService refreshes it 30 s before it expires, the socket gets the new one. */
const TOKEN_CHECK_MS = 20_000;

/**
 * The app's one messaging socket (ADR 0026), open while someone is signed in: the unread counts
 * for the top bar, and every pushed frame (ids only) for the pages, which read what they show
 * through the API. It sends the access token first and again after each refresh, reconnects with
 * back-off, and `reconnected` tells the pages to catch up on what they missed meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class MessagingRealtime {
  private readonly auth = inject(AuthService);
  /** The signed-in user's unread messages, in total and per practice (null until known). */
  readonly unread = signal<UnreadCountsView | null>(null);
  readonly connected = signal(false);
  /** Bumped each time the socket is back after it was lost. */
  readonly reconnected = signal(0);
  readonly frames = new Subject<RealtimeServerFrame>();
  private socket: WebSocket | null = null;
  private wanted = false;
  private wasReady = false;
  private attempt = 0;
  private sentToken: string | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private tokenCheck: ReturnType<typeof setInterval> | undefined;

  constructor() {
    effect(() => {
      const signedIn = this.auth.signedIn();
      untracked(() => (signedIn ? this.start() : this.stop()));
    });
  }

  private start(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.tokenCheck = setInterval(() => void this.sendFreshToken(), TOKEN_CHECK_MS);
    void this.connect();
  }

  private stop(): void {
    this.wanted = false;
    this.wasReady = false;
    clearTimeout(this.retry);
    clearInterval(this.tokenCheck);
    this.socket?.close(1000, 'signed out');
    this.socket = null;
    this.connected.set(false);
    this.unread.set(null);
  }

  private async connect(): Promise<void> {
    if (!this.wanted) return;
    let token: string | null;
    try {
      token = await this.auth.token();
    } catch {
      return this.later();
    }
    if (!token || !this.wanted) return;
    const socket = new WebSocket(realtimeUrl(window.location));
    this.socket = socket;
    socket.onopen = () => this.send(socket, token);
    socket.onmessage = (event) => this.onFrame(JSON.parse(String(event.data)) as RealtimeServerFrame);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.connected.set(false);
      if (!this.wanted) return;
      if (afterClose(event.code) === 'refresh')
        void this.auth
          .refresh()
          .catch(() => 'later')
          .then((fresh) => (fresh ? this.later() : undefined));
      else this.later();
    };
  }

  private onFrame(frame: RealtimeServerFrame): void {
    if (frame.type === 'ready') {
      this.connected.set(true);
      this.attempt = 0;
      if (this.wasReady) this.reconnected.update((n) => n + 1);
      this.wasReady = true;
    } else if (frame.type === 'unread') {
      this.unread.set({ total: frame.total, practices: frame.practices });
    }
    this.frames.next(frame);
  }

  private later(): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), reconnectDelayMs(this.attempt++));
  }

  private async sendFreshToken(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    const token = await this.auth.token().catch(() => null);
    if (token && token !== this.sentToken) this.send(socket, token);
  }

  private send(socket: WebSocket, token: string): void {
    this.sentToken = token;
    socket.send(JSON.stringify({ type: 'auth', token }));
  }
}
