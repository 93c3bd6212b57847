import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { SetBillingTypeBody, UnbilledAcrossParams } from '@claimline/contracts/claims';
import type { AppointmentView, UnbilledPage } from '@claimline/contracts/claims/plain';

/** The filters of the unbilled list; null or empty leaves one out. */
export type UnbilledQuery = Partial<Record<keyof UnbilledAcrossParams, string | number | null>>;

/**
 * The unbilled list (`apps/api-gateway/src/claims/unbilled.controller.ts`): across the practices
 * the user works for, or one practice's (`practiceId`), and the self-pay switch.
 */
@Injectable({ providedIn: 'root' })
export class UnbilledApi {
  private readonly http = inject(HttpClient);

  /** With a `practiceId` the practice's own list, otherwise the list across the user's practices. */
  list(query: UnbilledQuery = {}): Promise<UnbilledPage> {
    const { practiceId, ...filters } = query;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters))
      if (value !== null && value !== undefined && value !== '') params[key] = String(value);
    const url = practiceId
      ? `${API_BASE}/practices/${encodeURIComponent(String(practiceId))}/unbilled-appointments`
      : `${API_BASE}/unbilled-appointments`;
    return firstValueFrom(this.http.get<UnbilledPage>(url, { params }));
  }

  /** Self-pay (it leaves the list) or back to insurance, with why and the `version` read. */
  setBillingType(
    practiceId: string,
    appointmentId: string,
    body: SetBillingTypeBody,
  ): Promise<AppointmentView> {
    return firstValueFrom(
      this.http.put<AppointmentView>(
        `${API_BASE}/practices/${encodeURIComponent(practiceId)}/appointments/${encodeURIComponent(appointmentId)}/billing-type`,
        body,
      ),
    );
  }
}
