import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '@claimline/admin-console/data-access-core';
import type {
  AuthorizationView,
  ClientMissingInfo,
  ClientView,
  CreateAuthorizationBody,
  CreateClientBody,
  CreatePolicyBody,
  EligibilityCheckView,
  LastEligibilityResult,
  MissingInfoManyResult,
  PayerView,
  PolicyView,
  UpdateAuthorizationBody,
  UpdateClientBody,
  UpdatePolicyBody,
} from '@claimline/contracts/client-insurance';
import type { Page } from '@claimline/contracts/common';

export interface ClientSearch {
  search?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  /** `undefined` lists active and inactive clients. */
  active?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * Clients, their insurance policies, prior authorizations and the payer directory
 * (`apps/api-gateway/src/clients`). Every client route is under the practice.
 */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);

  private base(practiceId: string): string {
    return `${API_BASE}/practices/${practiceId}`;
  }

  // — clients —

  async list(practiceId: string, query: ClientSearch = {}): Promise<Page<ClientView>> {
    const params: Record<string, string> = {};
    if (query.search?.trim()) params['search'] = query.search.trim();
    if (query.birthDate) params['birthDate'] = query.birthDate;
    if (query.active !== undefined) params['active'] = String(query.active);
    if (query.limit !== undefined) params['limit'] = String(query.limit);
    if (query.offset) params['offset'] = String(query.offset);
    return firstValueFrom(this.http.get<Page<ClientView>>(`${this.base(practiceId)}/clients`, { params }));
  }

  async get(practiceId: string, clientId: string): Promise<ClientView> {
    return firstValueFrom(this.http.get<ClientView>(`${this.base(practiceId)}/clients/${clientId}`));
  }

  async create(practiceId: string, body: CreateClientBody): Promise<ClientView> {
    return firstValueFrom(this.http.post<ClientView>(`${this.base(practiceId)}/clients`, body));
  }

  /** Only the fields to change (null clears an optional one) and the `version` that was read; 409 if it moved on. */
  async update(practiceId: string, clientId: string, body: UpdateClientBody): Promise<ClientView> {
    return firstValueFrom(this.http.patch<ClientView>(`${this.base(practiceId)}/clients/${clientId}`, body));
  }

  async missingInfo(practiceId: string, clientId: string): Promise<ClientMissingInfo> {
    return firstValueFrom(
      this.http.get<ClientMissingInfo>(`${this.base(practiceId)}/clients/${clientId}/missing-info`),
    );
  }

  /** Missing information for a page of clients at once (≤ 1,000 ids). */
  async missingInfoMany(practiceId: string, clientIds: string[]): Promise<MissingInfoManyResult> {
    if (clientIds.length === 0) return { items: [], notFound: [] };
    return firstValueFrom(
      this.http.post<MissingInfoManyResult>(`${this.base(practiceId)}/clients/missing-info`, { clientIds }),
    );
  }

  // — insurance policies —

  /** The client's policies, primary first. */
  async policies(practiceId: string, clientId: string): Promise<PolicyView[]> {
    const r = await firstValueFrom(
      this.http.get<{ items: PolicyView[] }>(`${this.base(practiceId)}/clients/${clientId}/policies`),
    );
    return r.items;
  }

  /** The answer carries `warnings` (e.g. `bcbs_not_local`): show them, they do not block. */
  async createPolicy(practiceId: string, clientId: string, body: CreatePolicyBody): Promise<PolicyView> {
    return firstValueFrom(
      this.http.post<PolicyView>(`${this.base(practiceId)}/clients/${clientId}/policies`, body),
    );
  }

  async getPolicy(practiceId: string, policyId: string): Promise<PolicyView> {
    return firstValueFrom(this.http.get<PolicyView>(`${this.base(practiceId)}/policies/${policyId}`));
  }

  async updatePolicy(practiceId: string, policyId: string, body: UpdatePolicyBody): Promise<PolicyView> {
    return firstValueFrom(this.http.patch<PolicyView>(`${this.base(practiceId)}/policies/${policyId}`, body));
  }

  async removePolicy(practiceId: string, policyId: string): Promise<void> {
    await firstValueFrom(this.http.delete(`${this.base(practiceId)}/policies/${policyId}`));
  }

  // — eligibility (270/271 through the clearinghouse) —

  /** The policy's last eligibility check, or null before the first. */
  async lastEligibility(practiceId: string, policyId: string): Promise<EligibilityCheckView | null> {
    const r = await firstValueFrom(
      this.http.get<LastEligibilityResult>(`${this.base(practiceId)}/policies/${policyId}/eligibility`),
    );
    return r.check;
  }

  /** Asks the payer now (for today unless `date` is given); the answer becomes the last check. */
  async checkEligibility(practiceId: string, policyId: string, date?: string): Promise<EligibilityCheckView> {
    return firstValueFrom(
      this.http.post<EligibilityCheckView>(
        `${this.base(practiceId)}/policies/${policyId}/eligibility`,
        date ? { date } : {},
      ),
    );
  }

  // — prior authorizations —

  async authorizations(practiceId: string, policyId: string): Promise<AuthorizationView[]> {
    const r = await firstValueFrom(
      this.http.get<{ items: AuthorizationView[] }>(
        `${this.base(practiceId)}/policies/${policyId}/authorizations`,
      ),
    );
    return r.items;
  }

  async createAuthorization(
    practiceId: string,
    policyId: string,
    body: CreateAuthorizationBody,
  ): Promise<AuthorizationView> {
    return firstValueFrom(
      this.http.post<AuthorizationView>(`${this.base(practiceId)}/policies/${policyId}/authorizations`, body),
    );
  }

  async updateAuthorization(
    practiceId: string,
    authorizationId: string,
    body: UpdateAuthorizationBody,
  ): Promise<AuthorizationView> {
    return firstValueFrom(
      this.http.patch<AuthorizationView>(`${this.base(practiceId)}/authorizations/${authorizationId}`, body),
    );
  }

  // — payer directory —

  /** Name, alias or payer ID (start of a word); with `state`, that state's local plans first and other states' left out. */
  async searchPayers(
    text: string,
    options: { state?: string | null; limit?: number } = {},
  ): Promise<PayerView[]> {
    const search = text.trim();
    if (!search) return [];
    const params: Record<string, string> = {
      search: search.slice(0, 120),
      limit: String(options.limit ?? 10),
    };
    if (options.state) params['state'] = options.state;
    const page = await firstValueFrom(this.http.get<Page<PayerView>>(`${API_BASE}/payers`, { params }));
    return page.items;
  }
}
