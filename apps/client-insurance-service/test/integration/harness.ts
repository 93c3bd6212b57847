import { INestMicroservice } from '@nestjs/common';
import { Actor, EventEnvelope } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes,
  ClientInsuranceRpc,
} from '@claimline/contracts/client-insurance';
import { PracticeSettingsEvents, PracticeView } from '@claimline/contracts/practice-settings';
import { DOCUMENTS_SERVICE, DocumentsEvents } from '@claimline/contracts/documents';
import { runMigrations } from '@claimline/backend/util-persistence';
import { ServiceHarness } from '@claimline/backend/util-service-testing';
import { AppModule } from '../../src/app.module';
import { ClientInsuranceEnv } from '../../src/config/env';
import { clientInsuranceDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
export const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' };

export type Seen = EventEnvelope<ClientInsuranceEvents[keyof ClientInsuranceEvents]>;

/**
 * client-insurance on the real servers, with an observer of every event it publishes, the
 * practice-settings existence check, and publishers of practice-settings and documents events.
 */
export class Harness extends ServiceHarness<ClientInsuranceRpc, ClientInsuranceEvents> {
  constructor() {
    super({
      service: 'client-insurance',
      migrate: (url) => runMigrations(clientInsuranceDataSourceOptions(url)),
      // enrollments and claims call it under their own signed identities.
      trusts: ['enrollments', 'claims'],
      practiceExistence: true,
      observe: Object.values(ClientInsuranceEventTypes),
    });
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(ClientInsuranceEnv, (env) => AppModule.register(env), extra);
  }

  /** Publishes a practice as practice-settings' outbox relay would. */
  async publishPractice(
    type: 'practice-settings.practice.created' | 'practice-settings.practice.updated',
    practice: PracticeView,
  ): Promise<void> {
    const data: PracticeSettingsEvents[typeof type] = { practice, changed: ['address'] };
    await this.publish('practice-settings', this.envelope(type, practice.id, practice.id, data, 'admin-1'));
  }

  /** Publishes a documents event as documents-service's outbox relay would (see `publish` for `msgId`). */
  async publishDocumentEvent<T extends keyof DocumentsEvents>(
    envelope: EventEnvelope<DocumentsEvents[T]> & { type: T },
    msgId = envelope.id,
  ): Promise<void> {
    await this.publish(DOCUMENTS_SERVICE, envelope, msgId);
  }

  eventsOf(type: keyof ClientInsuranceEvents, aggregateId?: string): Seen[] {
    return this.seen.filter(
      (e) => e.type === type && (aggregateId === undefined || e.aggregateId === aggregateId),
    );
  }
}

export function practiceView(id: string, state: string, version = 1): PracticeView {
  const now = new Date().toISOString();
  return {
    id,
    type: 'group',
    name: `Practice in ${state}`,
    legalName: null,
    phone: '5125550100',
    email: null,
    address: { ...address, state },
    secureMessagingEnabled: false,
    settingsComplete: false,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

export { payerSeedId as seededPayerId } from '../../src/payers/payer-seed';
