import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { AddressDto, Page } from '@claimline/contracts/common';
import type {
  CreatePracticeDto,
  PracticeReadiness,
  PracticeType,
  PracticeView,
  ReadinessFilter,
  UpdatePracticeBody,
} from '@claimline/contracts/practice-settings';

export interface PracticeListFilter {
  /** Matches the start of the display name. */
  search?: string;
  type?: PracticeType;
  readiness?: ReadinessFilter;
  limit?: number;
  offset?: number;
}

/** A new practice as the form sends it (the contract class, as a plain object). */
export type NewPractice = Pick<CreatePracticeDto, 'type' | 'name' | 'phone' | 'secureMessagingEnabled'> & {
  legalName?: string | null;
  email?: string;
  address: AddressDto;
};

/** PATCH body; `email: null` clears the e-mail, `legalName: null` the legal name. */
export type PracticeChanges = Omit<UpdatePracticeBody, 'email'> & { email?: string | null };

export interface PlaceOfServiceOption {
  code: string;
  name: string;
  effectiveFrom?: string;
}

/** Practices, their readiness checklist and the place-of-service code set (`/api/v1/practices`, `/reference`). */
@Injectable({ providedIn: 'root' })
export class PracticesApi {
  private readonly http = inject(HttpClient);
  private placesOfServiceCache: Promise<PlaceOfServiceOption[]> | null = null;

  list(filter: PracticeListFilter = {}): Promise<Page<PracticeView>> {
    const params: Record<string, string> = {};
    if (filter.search?.trim()) params['search'] = filter.search.trim();
    if (filter.type) params['type'] = filter.type;
    if (filter.readiness) params['readiness'] = filter.readiness;
    if (filter.limit !== undefined) params['limit'] = String(filter.limit);
    if (filter.offset !== undefined) params['offset'] = String(filter.offset);
    return firstValueFrom(this.http.get<Page<PracticeView>>(`${API_BASE}/practices`, { params }));
  }

  get(practiceId: string): Promise<PracticeView> {
    return firstValueFrom(this.http.get<PracticeView>(`${API_BASE}/practices/${practiceId}`));
  }

  create(practice: NewPractice): Promise<PracticeView> {
    return firstValueFrom(this.http.post<PracticeView>(`${API_BASE}/practices`, practice));
  }

  /** Send the `version` you read; a stale one is a 409 problem with `currentVersion`. */
  update(practiceId: string, changes: PracticeChanges): Promise<PracticeView> {
    return firstValueFrom(this.http.patch<PracticeView>(`${API_BASE}/practices/${practiceId}`, changes));
  }

  /** The "Set up your account" checklist, with every contributing service's items. */
  readiness(practiceId: string): Promise<PracticeReadiness> {
    return firstValueFrom(this.http.get<PracticeReadiness>(`${API_BASE}/practices/${practiceId}/readiness`));
  }

  /**
   * Readiness of several practices at once (one request each, all in flight together). A
   * practice whose checklist could not be read maps to `null`.
   */
  async readinessOf(practiceIds: readonly string[]): Promise<Map<string, PracticeReadiness | null>> {
    const answers = await Promise.all(practiceIds.map((id) => this.readiness(id).catch(() => null)));
    return new Map(practiceIds.map((id, i) => [id, answers[i]]));
  }

  /** CMS place-of-service codes (11 office, 02 / 10 telehealth, …); read once per session. */
  placesOfService(): Promise<PlaceOfServiceOption[]> {
    this.placesOfServiceCache ??= firstValueFrom(
      this.http.get<{ items: PlaceOfServiceOption[] }>(`${API_BASE}/reference/places-of-service`),
    )
      .then((r) => r.items)
      .catch((error: unknown) => {
        this.placesOfServiceCache = null;
        throw error;
      });
    return this.placesOfServiceCache;
  }
}
