import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Page } from '@claimline/contracts/common';
import type { EmailLogView, EmailStatus } from '@claimline/contracts/notifications';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { PageRequest } from './admin.types';

export type { EmailLogView, EmailStatus };

/** The e-mail outbox (admins only): what was, or will be, sent to whom and how delivery went. */
@Injectable({ providedIn: 'root' })
export class EmailsApi {
  private readonly http = inject(HttpClient);

  list(
    filters: { status?: EmailStatus | null; practiceId?: string | null },
    page: PageRequest,
  ): Promise<Page<EmailLogView>> {
    const params: Record<string, string> = { limit: String(page.limit), offset: String(page.offset) };
    if (filters.status) params['status'] = filters.status;
    if (filters.practiceId) params['practiceId'] = filters.practiceId;
    return firstValueFrom(this.http.get<Page<EmailLogView>>(`${API_BASE}/admin/emails`, { params }));
  }
}
