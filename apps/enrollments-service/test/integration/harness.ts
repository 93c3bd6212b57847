import { randomBytes, randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import { Actor, EventEnvelope } from '@claimline/contracts/common';
import { DocumentView } from '@claimline/contracts/documents';
import { ClientInsuranceEvents, PayerView } from '@claimline/contracts/client-insurance';
import { EnrollmentsEvents, EnrollmentsEventTypes, EnrollmentsRpc } from '@claimline/contracts/enrollments';
import { BillingProfileView, PracticeView, TeamMemberView } from '@claimline/contracts/practice-settings';
import { runMigrations } from '@claimline/backend/util-persistence';
import { notFound, ServiceHarness } from '@claimline/backend/util-service-testing';
import { AppModule } from '../../src/app.module';
import { EnrollmentsEnv } from '../../src/config/env';
import { enrollmentsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
export const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701-1234' };

export type Seen = EventEnvelope<EnrollmentsEvents[keyof EnrollmentsEvents]>;

export function payer(
  name: string,
  flags: Pick<PayerView, 'claimFilingEnrollmentRequired' | 'eraSupported' | 'eraEnrollmentRequired'>,
  version = 1,
): PayerView {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    key: null,
    name,
    aliases: [],
    payerIds: { default: randomBytes(3).toString('hex').toUpperCase().slice(0, 5) },
    kind: 'commercial',
    states: [],
    region: null,
    isBcbs: false,
    ...flags,
    verified: false,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

export function practiceView(id: string, legalName: string | null): PracticeView {
  const now = new Date().toISOString();
  return {
    id,
    type: 'group',
    name: 'Riverbend',
    legalName,
    phone: '5125550100',
    email: 'office@riverbend.test',
    address,
    secureMessagingEnabled: false,
    settingsComplete: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function billingProfile(
  practiceId: string,
  over: Partial<BillingProfileView> = {},
): BillingProfileView {
  return {
    practiceId,
    billAs: 'organization',
    organizationNpi: '1234567893',
    taxId: { kind: 'ein', display: '12-3456789', masked: false },
    taxonomyCode: '101YP2500X',
    taxonomyName: 'Counselor, Professional',
    billingAddress: address,
    payToAddress: null,
    serviceFacilityLocation: { enabled: false, required: false, reason: null },
    version: 1,
    updatedAt: new Date().toISOString(),
    ...over,
  };
}

/**
 * enrollments on the real servers, with an observer of its status changes and stand-ins for the
 * services it asks: client-insurance (payer directory), practice-settings (practice, billing
 * profile, team members) and documents. Events of client-insurance are published onto JetStream
 * as its outbox relay would.
 */
export class Harness extends ServiceHarness<EnrollmentsRpc, EnrollmentsEvents> {
  readonly payers = new Map<string, PayerView>();
  readonly practices = new Map<string, PracticeView>();
  readonly profiles = new Map<string, BillingProfileView>();
  readonly members = new Map<string, TeamMemberView[]>();
  readonly documents = new Map<string, Pick<DocumentView, 'id' | 'practiceId' | 'linkedType' | 'linkedId'>>();

  constructor() {
    super({
      service: 'enrollments',
      migrate: (url) => runMigrations(enrollmentsDataSourceOptions(url)),
      observe: [EnrollmentsEventTypes.statusChanged],
      env: { RPC_TIMEOUT_MS: '3000' },
    });
  }

  override async setUp(): Promise<void> {
    await super.setUp();
    this.serve('client-insurance.payer.search', (data: { limit?: number; offset?: number }) => {
      const all = [...this.payers.values()];
      const offset = data.offset ?? 0;
      const limit = data.limit ?? 20;
      return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
    });
    this.serve(
      'client-insurance.payer.get',
      (data: { payerId: string }) => this.payers.get(data.payerId) ?? notFound('Payer'),
    );
    this.serve('practice-settings.practice.get', (data: { practiceId: string }, caller) =>
      caller.practiceIds?.includes(data.practiceId)
        ? (this.practices.get(data.practiceId) ?? notFound('Practice'))
        : notFound('Practice'),
    );
    this.serve('documents.document.get', (data: { practiceId: string; documentId: string }, caller) => {
      const doc = this.documents.get(data.documentId);
      return caller.practiceIds?.includes(data.practiceId) && doc?.practiceId === data.practiceId
        ? doc
        : notFound('Document');
    });
    this.serve(
      'practice-settings.billing-profile.get',
      (data: { practiceId: string }) => this.profiles.get(data.practiceId) ?? notFound('Billing profile'),
    );
    this.serve('practice-settings.team-member.list', (data: { practiceId: string }) => {
      const items = this.members.get(data.practiceId) ?? [];
      return { items, total: items.length, limit: 200, offset: 0 };
    });
    await this.nc.flush();
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(EnrollmentsEnv, (env) => AppModule.register(env), extra);
  }

  /** Publishes a client-insurance event as its outbox relay would. */
  async publishClientInsurance<T extends keyof ClientInsuranceEvents & string>(
    type: T,
    aggregateId: string,
    practiceId: string | null,
    data: ClientInsuranceEvents[T],
  ): Promise<void> {
    await this.publish('client-insurance', this.envelope(type, aggregateId, practiceId, data, 'owner-1'));
  }

  eventsOf(enrollmentId: string): Seen[] {
    return this.seen.filter((e) => e.aggregateId === enrollmentId);
  }
}
