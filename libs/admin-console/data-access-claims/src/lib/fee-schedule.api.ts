import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { PutFeeScheduleBody } from '@claimline/contracts/claims';
import type { FeeScheduleView } from '@claimline/contracts/claims/plain';

/** A practice's fee schedule: code + modifiers → fee (`version` 0: never saved). */
@Injectable({ providedIn: 'root' })
export class FeeScheduleApi {
  private readonly http = inject(HttpClient);

  private url(practiceId: string): string {
    return `${API_BASE}/practices/${encodeURIComponent(practiceId)}/fee-schedule`;
  }

  get(practiceId: string): Promise<FeeScheduleView> {
    return firstValueFrom(this.http.get<FeeScheduleView>(this.url(practiceId)));
  }

  /** Replaces the whole schedule; `version` is the one read (0 for the first save; 409 when stale). */
  put(practiceId: string, body: PutFeeScheduleBody): Promise<FeeScheduleView> {
    return firstValueFrom(this.http.put<FeeScheduleView>(this.url(practiceId), body));
  }
}
