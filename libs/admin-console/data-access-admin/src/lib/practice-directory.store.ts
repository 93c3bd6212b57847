import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Page } from '@claimline/contracts/common';
import { API_BASE, PracticeContext, type PracticeSummary } from '@claimline/admin-console/data-access-core';

/** The most practices the API returns in one page. */
const PAGE = 200;

/**
 * Practice names for ids shown in admin tables, and the type-ahead search for pickers. Names
 * are cached for the session: one listing covers most, single reads fill the rest.
 */
@Injectable({ providedIn: 'root' })
export class PracticeDirectory {
  private readonly http = inject(HttpClient);
  private readonly context = inject(PracticeContext);
  /** id → name, for every practice looked up so far. */
  readonly names = signal<ReadonlyMap<string, string>>(new Map());
  private listing: Promise<void> | null = null;

  search(text: string, limit = 10): Promise<PracticeSummary[]> {
    return this.context.search(text, limit).then((page) => {
      this.remember(page.items);
      return page.items;
    });
  }

  name(id: string | null | undefined): string | null {
    return id ? (this.names().get(id) ?? null) : null;
  }

  /**
   * Makes sure the names of these ids are known (unknown ids stay unnamed; never throws). The
   * first call lists the practices page by page (up to 1,000); later ones read single practices.
   */
  async resolve(ids: Iterable<string | null | undefined>): Promise<void> {
    let missing = this.missing(ids);
    if (!missing.length) return;
    if (!this.listing) this.listing = this.listAll();
    await this.listing;
    missing = this.missing(missing);
    // Every id asked for gets its name (a page of users can name many practices), ten reads at a time.
    for (let i = 0; i < missing.length; i += 10) {
      const found = await Promise.all(
        missing
          .slice(i, i + 10)
          .map((id) =>
            firstValueFrom(this.http.get<PracticeSummary>(`${API_BASE}/practices/${id}`)).catch(() => null),
          ),
      );
      this.remember(found.filter((p): p is PracticeSummary => p !== null));
    }
  }

  private async listAll(): Promise<void> {
    for (let offset = 0; offset < 1000; offset += PAGE) {
      const page = await firstValueFrom(
        this.http.get<Page<PracticeSummary>>(`${API_BASE}/practices`, {
          params: { limit: String(PAGE), offset: String(offset) },
        }),
      ).catch(() => null);
      if (!page) return;
      this.remember(page.items);
      if (page.items.length < PAGE || offset + PAGE >= page.total) return;
    }
  }

  remember(practices: Pick<PracticeSummary, 'id' | 'name'>[]): void {
    if (!practices.length) return;
    const next = new Map(this.names());
    for (const p of practices) next.set(p.id, p.name);
    this.names.set(next);
  }

  private missing(ids: Iterable<string | null | undefined>): string[] {
    const known = this.names();
    return [...new Set([...ids].filter((id): id is string => !!id && !known.has(id)))];
  }
}
