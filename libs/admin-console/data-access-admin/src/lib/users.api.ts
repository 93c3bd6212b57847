import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Page, Role } from '@claimline/contracts/common';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type { CreateUserInput, UpdateUserInput, UserView } from '@claimline/contracts/gateway';
import type { PageRequest } from './admin.types';

/** The most users the API returns in one page. */
export const MAX_USERS_PAGE = 200;

/** Console accounts: list, create, rename / deactivate / reset password, billing staff's practices. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/users`;

  list(page: PageRequest, role?: Role | null): Promise<Page<UserView>> {
    const params: Record<string, string> = { limit: String(page.limit), offset: String(page.offset) };
    if (role) params['role'] = role;
    return firstValueFrom(this.http.get<Page<UserView>>(this.base, { params }));
  }

  /** Every user (for naming who did what in the audit log), page by page up to `max`. */
  async all(max = 1000): Promise<UserView[]> {
    const out: UserView[] = [];
    for (let offset = 0; offset < max; offset += MAX_USERS_PAGE) {
      const page = await this.list({ limit: MAX_USERS_PAGE, offset });
      out.push(...page.items);
      if (out.length >= page.total || page.items.length === 0) break;
    }
    return out;
  }

  create(input: CreateUserInput): Promise<UserView> {
    return firstValueFrom(this.http.post<UserView>(this.base, input));
  }

  update(userId: string, input: UpdateUserInput): Promise<UserView> {
    return firstValueFrom(this.http.patch<UserView>(`${this.base}/${userId}`, input));
  }

  /** Replaces the practices a billing staff member works on. */
  assignPractices(userId: string, practiceIds: string[]): Promise<{ practiceIds: string[] }> {
    return firstValueFrom(
      this.http.put<{ practiceIds: string[] }>(`${this.base}/${userId}/practices`, { practiceIds }),
    );
  }
}
