import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Page } from '@claimline/contracts/common';
import type { PracticeView } from '@claimline/contracts/practice-settings';
import { API_BASE } from './problem';

export type PracticeSummary = PracticeView;

/**
 * The practice the user is working in (from the URL, `/practices/:practiceId/...`), with its
 * name for the header and the switcher's search over the practices the user may see.
 */
@Injectable({ providedIn: 'root' })
export class PracticeContext {
  private readonly http = inject(HttpClient);
  readonly current = signal<PracticeSummary | null>(null);

  async select(practiceId: string | null): Promise<void> {
    if (!practiceId) return this.current.set(null);
    if (this.current()?.id === practiceId) return;
    const practice = await firstValueFrom(
      this.http.get<PracticeSummary>(`${API_BASE}/practices/${practiceId}`),
    ).catch(() => null);
    this.current.set(practice);
  }

  /** Refreshes the header after the practice's name changed. */
  update(practice: PracticeSummary): void {
    if (this.current()?.id === practice.id) this.current.set(practice);
  }

  async search(text: string, limit = 20): Promise<Page<PracticeSummary>> {
    const params: Record<string, string> = { limit: String(limit) };
    if (text.trim()) params['search'] = text.trim();
    return firstValueFrom(this.http.get<Page<PracticeSummary>>(`${API_BASE}/practices`, { params }));
  }
}
