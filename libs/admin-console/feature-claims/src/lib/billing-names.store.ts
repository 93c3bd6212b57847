import { inject, Injectable, signal } from '@angular/core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import { PracticeSettingsApi, PracticesApi } from '@claimline/admin-console/data-access-practices';
import type { ClientView } from '@claimline/contracts/client-insurance';
import type { PracticeView, TeamMemberView } from '@claimline/contracts/practice-settings';

/**
 * Names for the billing screens, whose rows carry ids: the practices the user works for, and each
 * practice's clients and team members (one page of 200 each, loaded once per practice, like the
 * appointment screens). Provided by the claims routes.
 */
@Injectable()
export class BillingNamesStore {
  private readonly clientsApi = inject(ClientsApi);
  private readonly settingsApi = inject(PracticeSettingsApi);
  private readonly practicesApi = inject(PracticesApi);
  readonly practices = signal<PracticeView[]>([]);
  private readonly clients = signal<Record<string, ClientView[]>>({});
  private readonly members = signal<Record<string, TeamMemberView[]>>({});
  private readonly loading = new Map<string, Promise<void>>();
  private practicesLoad: Promise<void> | null = null;

  /** The practices the user may see (the first 200), for the practice filter and the rows' names. */
  loadPractices(): Promise<void> {
    this.practicesLoad ??= this.practicesApi
      .list({ limit: 200 })
      .then((page) => this.practices.set(page.items));
    return this.practicesLoad;
  }

  /** Clients and team members of the practices named (each loaded once). */
  async load(practiceIds: Iterable<string>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const id of new Set(practiceIds)) {
      let entry = this.loading.get(id);
      if (!entry) {
        entry = Promise.all([
          this.clientsApi.list(id, { limit: 200 }),
          this.settingsApi.listTeamMembers(id),
        ]).then(([clients, members]) => {
          this.clients.update((all) => ({ ...all, [id]: clients.items }));
          this.members.update((all) => ({ ...all, [id]: members.items }));
        });
        entry.catch(() => this.loading.delete(id));
        this.loading.set(id, entry);
      }
      waits.push(entry);
    }
    await Promise.all(waits);
  }

  practiceName(id: string): string {
    return this.practices().find((p) => p.id === id)?.name ?? 'Practice';
  }

  clientName(practiceId: string, clientId: string): string {
    const c = this.clients()[practiceId]?.find((x) => x.id === clientId);
    return c ? `${c.lastName}, ${c.firstName}` : 'Client';
  }

  /** Clinicians who may render a billable service (a team member with an NPI). */
  clinicians(practiceId: string): TeamMemberView[] {
    return (this.members()[practiceId] ?? []).filter((m) => !!m.npi);
  }

  memberName(practiceId: string, memberId: string): string {
    const m = this.members()[practiceId]?.find((x) => x.id === memberId);
    return m ? `${m.firstName} ${m.lastName}` : 'Clinician';
  }
}
