import { computed, inject, Injectable, signal } from '@angular/core';
import { ClientsApi } from '@claimline/admin-console/data-access-clients';
import { PracticeSettingsApi } from '@claimline/admin-console/data-access-practices';
import type { ClientView } from '@claimline/contracts/client-insurance';
import type { LocationView, TeamMemberView } from '@claimline/contracts/practice-settings';

/**
 * The practice's clients, team members and office locations, for the appointment screens' names
 * and pickers (one page each: the APIs allow 200). Provided by the appointments routes.
 */
@Injectable()
export class PracticePeopleStore {
  private readonly clientsApi = inject(ClientsApi);
  private readonly settingsApi = inject(PracticeSettingsApi);
  readonly clients = signal<ClientView[]>([]);
  readonly members = signal<TeamMemberView[]>([]);
  readonly locations = signal<LocationView[]>([]);
  private loadedFor: string | null = null;

  /** Clinicians who may render a billable service: a team member with an NPI. */
  readonly clinicians = computed(() => this.members().filter((m) => !!m.npi));

  async load(practiceId: string): Promise<void> {
    if (this.loadedFor === practiceId) return;
    this.loadedFor = practiceId;
    const [clients, members, locations] = await Promise.all([
      this.clientsApi.list(practiceId, { limit: 200 }),
      this.settingsApi.listTeamMembers(practiceId),
      this.settingsApi.listLocations(practiceId),
    ]);
    this.clients.set(clients.items);
    this.members.set(members.items);
    this.locations.set(locations.items);
  }

  clientName(id: string): string {
    const c = this.clients().find((x) => x.id === id);
    return c ? `${c.lastName}, ${c.firstName}` : 'Unknown client';
  }

  memberName(id: string): string {
    const m = this.members().find((x) => x.id === id);
    return m ? `${m.firstName} ${m.lastName}` : 'Unknown clinician';
  }
}
