import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Page } from '@claimline/contracts/common';
import type { PracticeView } from '@claimline/contracts/practice-settings';
import { API_BASE, type ApiProblem, toProblem } from './problem';

export type PracticeSummary = PracticeView;

/**
 * The practice the user is working in (from the URL, `/practices/:practiceId/...`), with its
 * name for the header and the switcher's search over the practices the user may see.
 */
@Injectable({ providedIn: 'root' })
export class PracticeContext {
  private readonly http = inject(HttpClient);
  readonly current = signal<PracticeSummary | null>(null);
  /**
   * The practice in the URL that the API refuses (404: not assigned to the user, or no such
   * practice). Its lists would answer empty, so the shell shows why instead of its pages.
   */
  readonly unavailable = signal<{ practiceId: string; problem: ApiProblem } | null>(null);
  private selecting: string | null = null;

  async select(practiceId: string | null): Promise<void> {
    this.selecting = practiceId;
    if (!practiceId) {
      this.unavailable.set(null);
      return this.current.set(null);
    }
    if (this.current()?.id === practiceId || this.unavailable()?.practiceId === practiceId) return;
    this.unavailable.set(null);
    let practice: PracticeSummary | null = null;
    let problem: ApiProblem | null = null;
    try {
      practice = await firstValueFrom(this.http.get<PracticeSummary>(`${API_BASE}/practices/${practiceId}`));
    } catch (e) {
      problem = toProblem(e);
    }
    if (this.selecting !== practiceId) return;
    this.current.set(practice);
    // Only a refusal hides the pages; a failure of the moment leaves them to say so themselves.
    this.unavailable.set(
      problem && [400, 403, 404].includes(problem.status) ? { practiceId, problem } : null,
    );
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
