import { INestMicroservice } from '@nestjs/common';
import type { Actor } from '@claimline/contracts/common';
import { ClaimsEvents, ClaimsEventTypes, ClaimsRpc } from '@claimline/contracts/claims';
import type { ClientView } from '@claimline/contracts/client-insurance';
import type { TeamMemberView } from '@claimline/contracts/practice-settings';
import { runMigrations } from '@claimline/backend/util-persistence';
import { notFound, ServiceHarness } from '@claimline/backend/util-service-testing';
import { AppModule } from '../../src/app.module';
import { ClaimsEnv } from '../../src/config/env';
import { claimsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };

export function clientView(practiceId: string, id: string, active = true): ClientView {
  const now = new Date().toISOString();
  return {
    id,
    practiceId,
    firstName: 'Dana',
    lastName: 'Reyes',
    preferredName: null,
    birthDate: '1990-04-12',
    sex: null,
    genderIdentity: null,
    phone: null,
    email: null,
    address: null,
    billingType: 'insurance',
    active,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function memberView(practiceId: string, id: string, npi: string | null): TeamMemberView {
  const now = new Date().toISOString();
  return {
    id,
    practiceId,
    firstName: 'Sam',
    lastName: 'Okafor',
    email: `${id}@riverbend.test`,
    role: 'clinician',
    credentials: ['LPC'],
    npi,
    taxonomyCode: '101YP2500X',
    secureMessagingEnabled: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * claims on the real servers, with an observer of its events and stand-ins for what it asks:
 * client-insurance's `client.get` and practice-settings' `team-member.get`, each answering only
 * for the practice the caller is scoped to, as the real handlers do.
 */
export class Harness extends ServiceHarness<ClaimsRpc, ClaimsEvents> {
  readonly clients = new Map<string, ClientView>();
  readonly members = new Map<string, TeamMemberView>();

  constructor() {
    super({
      service: 'claims',
      migrate: (url) => runMigrations(claimsDataSourceOptions(url)),
      observe: Object.values(ClaimsEventTypes),
      // The guard asks practice-settings whether a practice exists before a handler runs.
      practiceExistence: true,
      env: { RPC_TIMEOUT_MS: '3000' },
    });
  }

  override async setUp(): Promise<void> {
    await super.setUp();
    this.serve('client-insurance.client.get', (data: { practiceId: string; clientId: string }, caller) => {
      const client = this.clients.get(data.clientId);
      return caller.practiceIds?.includes(data.practiceId) && client?.practiceId === data.practiceId
        ? client
        : notFound('Client');
    });
    this.serve(
      'practice-settings.team-member.get',
      (data: { practiceId: string; memberId: string }, caller) => {
        const member = this.members.get(data.memberId);
        return caller.practiceIds?.includes(data.practiceId) && member?.practiceId === data.practiceId
          ? member
          : notFound('Team member');
      },
    );
    await this.nc.flush();
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(ClaimsEnv, (env) => AppModule.register(env), extra);
  }
}
