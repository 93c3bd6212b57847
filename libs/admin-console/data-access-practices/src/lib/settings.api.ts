import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { Page } from '@claimline/contracts/common';
import type {
  BillingProfileView,
  CreateLocationBody,
  CreateTeamMemberBody,
  LocationView,
  PutBillingProfileBody,
  TeamMemberView,
  UpdateLocationBody,
  UpdateTeamMemberBody,
} from '@claimline/contracts/practice-settings';
import type { TaxonomyEntry } from '@claimline/reference-data';

/** Team members and locations of a practice fit in one page; the API allows at most 200. */
const ALL = { limit: '200' };

/**
 * The practice's settings beyond the practice record itself (see `practices.api.ts` for that):
 * team members, office locations, the billing profile, and the NUCC taxonomy the forms pick
 * from (places of service: `PracticesApi.placesOfService`). Errors are `HttpErrorResponse`s; read them with
 * `toProblem`.
 */
@Injectable({ providedIn: 'root' })
export class PracticeSettingsApi {
  private readonly http = inject(HttpClient);
  private readonly taxonomyCache = new Map<string, Promise<TaxonomyEntry | null>>();

  private base(practiceId: string): string {
    return `${API_BASE}/practices/${encodeURIComponent(practiceId)}`;
  }

  // Team members

  listTeamMembers(practiceId: string): Promise<Page<TeamMemberView>> {
    return firstValueFrom(
      this.http.get<Page<TeamMemberView>>(`${this.base(practiceId)}/team-members`, { params: ALL }),
    );
  }

  getTeamMember(practiceId: string, memberId: string): Promise<TeamMemberView> {
    return firstValueFrom(
      this.http.get<TeamMemberView>(`${this.base(practiceId)}/team-members/${encodeURIComponent(memberId)}`),
    );
  }

  createTeamMember(practiceId: string, body: CreateTeamMemberBody): Promise<TeamMemberView> {
    return firstValueFrom(this.http.post<TeamMemberView>(`${this.base(practiceId)}/team-members`, body));
  }

  /** Send the `version` you read: a stale one is a 409 with `currentVersion`. */
  updateTeamMember(
    practiceId: string,
    memberId: string,
    body: UpdateTeamMemberBody,
  ): Promise<TeamMemberView> {
    return firstValueFrom(
      this.http.patch<TeamMemberView>(
        `${this.base(practiceId)}/team-members/${encodeURIComponent(memberId)}`,
        body,
      ),
    );
  }

  async removeTeamMember(practiceId: string, memberId: string): Promise<void> {
    await firstValueFrom(
      this.http.delete(`${this.base(practiceId)}/team-members/${encodeURIComponent(memberId)}`),
    );
  }

  // Office locations

  listLocations(practiceId: string): Promise<Page<LocationView>> {
    return firstValueFrom(
      this.http.get<Page<LocationView>>(`${this.base(practiceId)}/locations`, { params: ALL }),
    );
  }

  getLocation(practiceId: string, locationId: string): Promise<LocationView> {
    return firstValueFrom(
      this.http.get<LocationView>(`${this.base(practiceId)}/locations/${encodeURIComponent(locationId)}`),
    );
  }

  createLocation(practiceId: string, body: CreateLocationBody): Promise<LocationView> {
    return firstValueFrom(this.http.post<LocationView>(`${this.base(practiceId)}/locations`, body));
  }

  updateLocation(practiceId: string, locationId: string, body: UpdateLocationBody): Promise<LocationView> {
    return firstValueFrom(
      this.http.patch<LocationView>(
        `${this.base(practiceId)}/locations/${encodeURIComponent(locationId)}`,
        body,
      ),
    );
  }

  async removeLocation(practiceId: string, locationId: string): Promise<void> {
    await firstValueFrom(
      this.http.delete(`${this.base(practiceId)}/locations/${encodeURIComponent(locationId)}`),
    );
  }

  // Billing profile

  /** Version 0 while nothing has been saved; an SSN is masked for practice roles. */
  getBillingProfile(practiceId: string): Promise<BillingProfileView> {
    return firstValueFrom(this.http.get<BillingProfileView>(`${this.base(practiceId)}/billing-profile`));
  }

  /** Replaces the profile; leave `taxId` out to keep the one on file (a masked SSN cannot be sent back). */
  putBillingProfile(practiceId: string, body: PutBillingProfileBody): Promise<BillingProfileView> {
    return firstValueFrom(
      this.http.put<BillingProfileView>(`${this.base(practiceId)}/billing-profile`, body),
    );
  }

  // Reference data (public code sets)

  /** NUCC taxonomy codes matching a name, licence or code, e.g. "clinical social worker". */
  async searchTaxonomy(search: string, limit = 12): Promise<TaxonomyEntry[]> {
    const text = search.trim().slice(0, 100);
    if (!text) return [];
    const res = await firstValueFrom(
      this.http.get<{ version: string; items: TaxonomyEntry[] }>(`${API_BASE}/reference/taxonomy`, {
        params: { search: text, limit: String(limit) },
      }),
    );
    for (const entry of res.items) this.taxonomyCache.set(entry.code, Promise.resolve(entry));
    return res.items;
  }

  /** One taxonomy code (null when the code set does not have it); remembered for the session. */
  taxonomy(code: string): Promise<TaxonomyEntry | null> {
    const key = code.trim().toUpperCase();
    let entry = this.taxonomyCache.get(key);
    if (!entry) {
      entry = firstValueFrom(
        this.http.get<TaxonomyEntry>(`${API_BASE}/reference/taxonomy/${encodeURIComponent(key)}`),
      ).catch((e: unknown) => {
        // Only "no such code" is worth remembering; a network failure may pass.
        if ((e as { status?: number }).status !== 404) this.taxonomyCache.delete(key);
        return null;
      });
      this.taxonomyCache.set(key, entry);
    }
    return entry;
  }
}
