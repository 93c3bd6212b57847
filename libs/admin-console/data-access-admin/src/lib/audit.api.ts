import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Page } from '@claimline/contracts/common';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { AuditEventView, AuditFilters } from '@claimline/contracts/gateway';
import type { PageRequest } from './admin.types';

/** The audit log (admins only): newest first. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  search(filters: AuditFilters, page: PageRequest): Promise<Page<AuditEventView>> {
    const params: Record<string, string> = { limit: String(page.limit), offset: String(page.offset) };
    for (const [key, value] of Object.entries(filters)) {
      if (typeof value === 'string' && value.trim()) params[key] = value.trim();
    }
    return firstValueFrom(this.http.get<Page<AuditEventView>>(`${API_BASE}/audit-events`, { params }));
  }
}
