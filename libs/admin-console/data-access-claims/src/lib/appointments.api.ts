import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { CreateAppointmentBody, UpdateAppointmentBody } from '@claimline/contracts/claims';
import type { AppointmentView } from '@claimline/contracts/claims/plain';
import type { Page } from '@claimline/contracts/common';
import type { DiagnosisCode } from '@claimline/reference-data';

export interface AppointmentSearch {
  /** Dates of service, `YYYY-MM-DD`, inclusive. */
  from?: string | null;
  to?: string | null;
  clientId?: string | null;
  renderingTeamMemberId?: string | null;
  limit?: number;
  offset?: number;
}

/**
 * Appointments of a practice (`apps/api-gateway/src/claims`), and the ICD-10-CM search their
 * diagnoses are picked with (`/reference/icd10cm`, answered by the gateway from reference data).
 */
@Injectable({ providedIn: 'root' })
export class AppointmentsApi {
  private readonly http = inject(HttpClient);
  private readonly diagnosisCache = new Map<string, Promise<DiagnosisCode | null>>();

  private base(practiceId: string): string {
    return `${API_BASE}/practices/${encodeURIComponent(practiceId)}/appointments`;
  }

  list(practiceId: string, query: AppointmentSearch = {}): Promise<Page<AppointmentView>> {
    const params: Record<string, string> = {};
    for (const key of ['from', 'to', 'clientId', 'renderingTeamMemberId'] as const) {
      const value = query[key];
      if (value) params[key] = value;
    }
    if (query.limit !== undefined) params['limit'] = String(query.limit);
    if (query.offset) params['offset'] = String(query.offset);
    return firstValueFrom(this.http.get<Page<AppointmentView>>(this.base(practiceId), { params }));
  }

  get(practiceId: string, appointmentId: string): Promise<AppointmentView> {
    return firstValueFrom(
      this.http.get<AppointmentView>(`${this.base(practiceId)}/${encodeURIComponent(appointmentId)}`),
    );
  }

  /** A line without `feeCents` is priced from the fee schedule (422 on `lines.<i>.feeCents` when it has none). */
  create(practiceId: string, body: CreateAppointmentBody): Promise<AppointmentView> {
    return firstValueFrom(this.http.post<AppointmentView>(this.base(practiceId), body));
  }

  /** The fields to change and the `version` read (409 if it moved on); `lines` and `diagnoses` replace the lists. */
  update(practiceId: string, appointmentId: string, body: UpdateAppointmentBody): Promise<AppointmentView> {
    return firstValueFrom(
      this.http.patch<AppointmentView>(`${this.base(practiceId)}/${encodeURIComponent(appointmentId)}`, body),
    );
  }

  /** Billable ICD-10-CM codes matching a code (`F43.1`) or words (`post traumatic`, `ptsd`). */
  async searchDiagnoses(search: string, limit = 12): Promise<DiagnosisCode[]> {
    const text = search.trim().slice(0, 100);
    if (!text) return [];
    const res = await firstValueFrom(
      this.http.get<{ releases: string[]; items: DiagnosisCode[] }>(`${API_BASE}/reference/icd10cm`, {
        params: { search: text, limit: String(limit) },
      }),
    );
    for (const d of res.items) this.diagnosisCache.set(d.code, Promise.resolve(d));
    return res.items;
  }

  /** One code, dotted or not (null when it is unknown or a heading); remembered for the session. */
  diagnosis(code: string): Promise<DiagnosisCode | null> {
    const key = code.trim().toUpperCase().replace('.', '');
    let entry = this.diagnosisCache.get(key);
    if (!entry) {
      entry = firstValueFrom(
        this.http.get<DiagnosisCode>(`${API_BASE}/reference/icd10cm/${encodeURIComponent(key)}`),
      ).catch(() => null);
      this.diagnosisCache.set(key, entry);
    }
    return entry;
  }
}
