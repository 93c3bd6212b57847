import { inject, Injectable, signal } from '@angular/core';
import { toProblem, type ApiProblem } from '@claimline/admin-console/data-access-core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import type { ClientMissingInfo, ClientView } from '@claimline/contracts/client-insurance';

/**
 * The client being looked at, shared by the client page and its tabs (provided by the page):
 * the record, its missing information, and a refresh of that after every save.
 */
@Injectable()
export class ClientStore {
  private readonly api = inject(ClientsApi);
  readonly practiceId = signal('');
  readonly clientId = signal('');
  readonly client = signal<ClientView | null>(null);
  readonly missing = signal<ClientMissingInfo | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<ApiProblem | null>(null);
  private missingSeq = 0;

  async open(practiceId: string, clientId: string): Promise<void> {
    this.practiceId.set(practiceId);
    this.clientId.set(clientId);
    this.client.set(null);
    this.missing.set(null);
    this.problem.set(null);
    this.loading.set(true);
    try {
      const [client] = await Promise.all([this.api.get(practiceId, clientId), this.refreshMissing()]);
      this.client.set(client);
    } catch (e) {
      this.problem.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** Reads the record again (after a 409, or another tab's change). */
  async reload(): Promise<ClientView> {
    const client = await this.api.get(this.practiceId(), this.clientId());
    this.client.set(client);
    return client;
  }

  /** Call after a save: the server is the one that knows what is still missing. */
  saved(client: ClientView): void {
    this.client.set(client);
    void this.refreshMissing();
  }

  async refreshMissing(): Promise<void> {
    const mine = ++this.missingSeq;
    const info = await this.api.missingInfo(this.practiceId(), this.clientId()).catch(() => null);
    if (mine === this.missingSeq && info) this.missing.set(info);
  }
}
