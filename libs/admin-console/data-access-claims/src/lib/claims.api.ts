import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import { blobProblem } from '@claimline/admin-console/data-access-clients';
import type { CreateClaimsBody, ListClaimsParams, VoidClaimBody } from '@claimline/contracts/claims';
import type { ClaimPage, ClaimView, CreateClaimsResult } from '@claimline/contracts/claims/plain';

/** A file the gateway sent as a download: its bytes and the name it gave it. */
export interface ClaimFile {
  blob: Blob;
  fileName: string;
}

/**
 * Claims of a practice (`apps/api-gateway/src/claims/claims.controller.ts` and
 * `filed-outside.controller.ts`): make them from appointments, list, read, re-scrub, void, and
 * download their CMS-1500 and 837P.
 */
@Injectable({ providedIn: 'root' })
export class ClaimsApi {
  private readonly http = inject(HttpClient);

  private base(practiceId: string): string {
    return `${API_BASE}/practices/${encodeURIComponent(practiceId)}/claims`;
  }

  private one(practiceId: string, claimId: string): string {
    return `${this.base(practiceId)}/${encodeURIComponent(claimId)}`;
  }

  /** Claims newest first, with the count per status for the same filters; only the filters that are set are sent. */
  list(
    practiceId: string,
    query: Partial<Record<keyof ListClaimsParams, string | number | null>> = {},
  ): Promise<ClaimPage> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query))
      if (value !== null && value !== undefined && value !== '') params[key] = String(value);
    return firstValueFrom(this.http.get<ClaimPage>(this.base(practiceId), { params }));
  }

  get(practiceId: string, claimId: string): Promise<ClaimView> {
    return firstValueFrom(this.http.get<ClaimView>(this.one(practiceId, claimId)));
  }

  /** Claims from appointments; `notClaimed` says why an appointment was left out. */
  create(practiceId: string, body: CreateClaimsBody): Promise<CreateClaimsResult> {
    return firstValueFrom(this.http.post<CreateClaimsResult>(this.base(practiceId), body));
  }

  /** Scrub again with the `version` read (409 if it moved on). */
  scrub(practiceId: string, claimId: string, version: number): Promise<ClaimView> {
    return firstValueFrom(this.http.post<ClaimView>(`${this.one(practiceId, claimId)}/scrub`, { version }));
  }

  void(practiceId: string, claimId: string, body: VoidClaimBody): Promise<ClaimView> {
    return firstValueFrom(this.http.post<ClaimView>(`${this.one(practiceId, claimId)}/void`, body));
  }

  /** Records the appointment as filed outside Claimline: a Downloaded claim kept for the record. */
  fileOutside(practiceId: string, appointmentId: string): Promise<ClaimView> {
    return firstValueFrom(
      this.http.post<ClaimView>(
        `${API_BASE}/practices/${encodeURIComponent(practiceId)}/appointments/${encodeURIComponent(appointmentId)}/file-outside`,
        {},
      ),
    );
  }

  /** The CMS-1500 PDF: the form drawn (`full`) or only its data for red pre-printed forms (`data`). */
  cms1500(practiceId: string, claimId: string, variant: 'full' | 'data' = 'full'): Promise<ClaimFile> {
    return this.file(
      this.http.get(`${this.one(practiceId, claimId)}/cms1500`, {
        params: { variant },
        responseType: 'blob',
        observe: 'response',
      }),
      'cms1500.pdf',
    );
  }

  /** The claim as an 837P file (validated by the server before it is sent). */
  x12(practiceId: string, claimId: string): Promise<ClaimFile> {
    return this.file(
      this.http.get(`${this.one(practiceId, claimId)}/837p`, { responseType: 'blob', observe: 'response' }),
      'claim.837p',
    );
  }

  private async file(request: ReturnType<HttpClient['get']>, fallback: string): Promise<ClaimFile> {
    try {
      const res = (await firstValueFrom(request)) as HttpResponse<Blob>;
      return {
        blob: res.body ?? new Blob([]),
        fileName: fileNameOf(res.headers.get('Content-Disposition')) ?? fallback,
      };
    } catch (error) {
      throw await blobProblem(error);
    }
  }
}

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` or `filename="…"`). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}
