import { HttpBackend, HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { Role } from '@claimline/contracts/common';
import { API_BASE } from './problem';
import { refreshFailureEndsSession, retryWhileLimited } from './session-retry';

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  practiceId: string | null;
  /** Practices this user may see; `null` means all (admin). */
  practiceIds: string[] | null;
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

// The refresh token lives in sessionStorage: it survives a reload of the tab but not the
// closing of the browser, and the access token stays in memory only.
const REFRESH_KEY = 'claimline.refreshToken';
/** Refresh this long before the access token expires. */
const EARLY_MS = 30_000;
/** How long a rate-limited refresh is waited out (Retry-After) before the user is told. */
const REFRESH_MAX_WAIT_MS = 60_000;

@Injectable({ providedIn: 'root' })
export class AuthService {
  // HttpBackend skips the interceptors: token calls must not be retried or decorated.
  private readonly http = new HttpClient(inject(HttpBackend));
  private readonly router = inject(Router);
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<string | null> | null = null;

  readonly user = signal<SessionUser | null>(null);
  readonly signedIn = computed(() => this.user() !== null);
  readonly role = computed(() => this.user()?.role ?? null);
  /** Billing staff and admins work across practices; practice roles see their own. */
  readonly seesManyPractices = computed(() => this.role() === 'admin' || this.role() === 'billing_staff');

  async signIn(email: string, password: string): Promise<void> {
    const pair = await firstValueFrom(
      this.http.post<TokenPair>(`${API_BASE}/auth/login`, { email, password }),
    );
    this.keep(pair);
    await this.loadUser();
  }

  /** Restores a session after a reload (from the refresh token), once at start-up. */
  async restore(): Promise<void> {
    if (!sessionStorage.getItem(REFRESH_KEY)) return;
    // A busy or unreachable server leaves the refresh token in place: a reload tries again.
    const token = await this.refresh().catch(() => null);
    if (token) await this.loadUser().catch(() => this.clear());
  }

  async signOut(): Promise<void> {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    this.clear();
    if (refreshToken) {
      await firstValueFrom(this.http.post(`${API_BASE}/auth/logout`, { refreshToken })).catch(
        () => undefined,
      );
    }
    await this.router.navigate(['/login']);
  }

  /**
   * A valid access token, refreshed first when it is about to expire; null when signed out.
   * Rejects (with a problem for the page to show) when the server is too busy or unreachable to
   * renew it: the user stays signed in.
   */
  async token(): Promise<string | null> {
    if (this.accessToken && Date.now() < this.expiresAt - EARLY_MS) return this.accessToken;
    return this.refresh();
  }

  /** Exchanges the refresh token (once, however many requests are waiting). */
  refresh(): Promise<string | null> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Called when the API answered 401 despite a token: the session is gone. */
  async sessionEnded(returnUrl: string): Promise<void> {
    this.clear();
    await this.router.navigate(['/login'], { queryParams: { returnUrl, reason: 'expired' } });
  }

  private async doRefresh(): Promise<string | null> {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return null;
    try {
      const pair = await retryWhileLimited(
        () => firstValueFrom(this.http.post<TokenPair>(`${API_BASE}/auth/refresh`, { refreshToken })),
        { maxWaitMs: REFRESH_MAX_WAIT_MS },
      );
      this.keep(pair);
      return pair.accessToken;
    } catch (error) {
      if (!refreshFailureEndsSession(error)) throw error;
      this.clear();
      return null;
    }
  }

  private async loadUser(): Promise<void> {
    const token = await this.token();
    const me = await firstValueFrom(
      this.http.get<SessionUser>(`${API_BASE}/auth/me`, { headers: { authorization: `Bearer ${token}` } }),
    );
    this.user.set(me);
  }

  private keep(pair: TokenPair): void {
    this.accessToken = pair.accessToken;
    this.expiresAt = Date.now() + pair.expiresIn * 1000;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  }

  private clear(): void {
    this.accessToken = null;
    this.expiresAt = 0;
    sessionStorage.removeItem(REFRESH_KEY);
    this.user.set(null);
  }
}
