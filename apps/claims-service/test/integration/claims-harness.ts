import { INestMicroservice } from '@nestjs/common';
import type { Principal } from '@claimline/contracts/common';
import { ClaimsEvents, ClaimsEventTypes, ClaimsRpc } from '@claimline/contracts/claims';
import type {
  AuthorizationView,
  ClientView,
  PayerView,
  PolicyView,
} from '@claimline/contracts/client-insurance';
import type { ClaimFilingCheck } from '@claimline/contracts/enrollments';
import type {
  BillingProfileView,
  LocationView,
  PracticeView,
  TeamMemberView,
} from '@claimline/contracts/practice-settings';
import { runMigrations } from '@claimline/backend/util-persistence';
import { notFound, ServiceHarness } from '@claimline/backend/util-service-testing';
import { AppModule } from '../../src/app.module';
import { ClaimsEnv } from '../../src/config/env';
import { claimsDataSourceOptions } from '../../src/database/data-source';

const now = () => new Date().toISOString();

/**
 * claims on the real servers with stand-ins for everything a claim copies or uses: client-insurance
 * (clients, policies, payers, authorizations with an idempotent consume and release keyed like the
 * real one), practice-settings (practice, billing profile, team members, locations) and enrollments'
 * claim-filing check. Each answers only for the practice the caller is scoped to, as the real
 * handlers do.
 */
export class ClaimsHarness extends ServiceHarness<ClaimsRpc, ClaimsEvents> {
  readonly practices = new Map<string, PracticeView>();
  readonly profiles = new Map<string, BillingProfileView>();
  readonly members = new Map<string, TeamMemberView>();
  readonly locations = new Map<string, LocationView>();
  readonly clients = new Map<string, ClientView>();
  readonly policies = new Map<string, PolicyView>();
  readonly payers = new Map<string, PayerView>();
  readonly authorizations = new Map<string, AuthorizationView>();
  /** authorization id → key → released? */
  readonly uses = new Map<string, Map<string, boolean>>();
  claimFiling: ClaimFilingCheck['status'] = 'not_required';

  constructor() {
    super({
      service: 'claims',
      migrate: (url) => runMigrations(claimsDataSourceOptions(url)),
      observe: Object.values(ClaimsEventTypes),
      env: { RPC_TIMEOUT_MS: '5000' },
    });
  }

  override async setUp(): Promise<void> {
    await super.setUp();
    const scoped =
      <T extends { practiceId?: string; id?: string }>(map: Map<string, T>, what: string, key: string) =>
      (data: Record<string, string>, caller: Principal) => {
        const row = map.get(data[key]);
        const practiceId = (row as { practiceId?: string } | undefined)?.practiceId ?? row?.id;
        return caller.practiceIds?.includes(data['practiceId']) && practiceId === data['practiceId']
          ? row
          : notFound(what);
      };
    this.serve('practice-settings.practice.get', scoped(this.practices, 'Practice', 'practiceId'));
    this.serve('practice-settings.billing-profile.get', scoped(this.profiles, 'Practice', 'practiceId'));
    this.serve('practice-settings.team-member.get', scoped(this.members, 'Team member', 'memberId'));
    this.serve('practice-settings.location.get', scoped(this.locations, 'Location', 'locationId'));
    this.serve('client-insurance.client.get', scoped(this.clients, 'Client', 'clientId'));
    this.serve(
      'client-insurance.payer.get',
      (data: { payerId: string }) => this.payers.get(data.payerId) ?? notFound('Payer'),
    );
    this.serve('client-insurance.policy.list', (data: { practiceId: string; clientId: string }, caller) =>
      caller.practiceIds?.includes(data.practiceId)
        ? {
            items: [...this.policies.values()].filter(
              (p) => p.clientId === data.clientId && p.practiceId === data.practiceId,
            ),
          }
        : notFound('Client'),
    );
    // With `detail` (what claims asks for): the client and its whole primary policy too.
    this.serve(
      'client-insurance.coverage.get-many',
      (data: { practiceId: string; clientIds: string[]; detail?: boolean }, caller) => {
        if (!caller.practiceIds?.includes(data.practiceId)) return notFound('Practice');
        const items = [...this.policies.values()]
          .filter(
            (p) =>
              p.practiceId === data.practiceId &&
              p.order === 'primary' &&
              data.clientIds.includes(p.clientId),
          )
          .map((p) => ({
            clientId: p.clientId,
            policyId: p.id,
            payer: { id: p.payer.id, name: p.payer.name },
            authorizations: [...this.authorizations.values()].filter((a) => a.policyId === p.id),
            ...(data.detail ? { client: this.clients.get(p.clientId), policy: p } : {}),
          }));
        return { items };
      },
    );
    this.serve(
      'client-insurance.authorization.list',
      (data: { practiceId: string; policyId: string }, caller) =>
        caller.practiceIds?.includes(data.practiceId)
          ? { items: [...this.authorizations.values()].filter((a) => a.policyId === data.policyId) }
          : notFound('Policy'),
    );
    this.serve(
      'client-insurance.authorization.consume',
      (data: { practiceId: string; authorizationId: string; key: string }, caller) => {
        const auth = this.authorizations.get(data.authorizationId);
        if (!auth || !caller.practiceIds?.includes(data.practiceId)) return notFound('Authorization');
        const uses = this.uses.get(auth.id) ?? new Map<string, boolean>();
        this.uses.set(auth.id, uses);
        if (uses.get(data.key) === false) return { authorization: auth, applied: false };
        if (uses.get(data.key) === true)
          return { error: { code: 'conflict', message: `The use for ${data.key} was released` } };
        if (auth.usesConsumed >= auth.usesAuthorized)
          return {
            error: {
              code: 'validation_failed',
              message: 'The authorization has no visits left',
              errors: [
                {
                  field: 'authorizationId',
                  rule: 'exhausted',
                  message: 'The authorization has no visits left',
                },
              ],
            },
          };
        uses.set(data.key, false);
        auth.usesConsumed += 1;
        auth.usesRemaining -= 1;
        return { authorization: auth, applied: true };
      },
    );
    const consumeKeys = (auth: AuthorizationView, keys: string[]) => {
      const uses = this.uses.get(auth.id) ?? new Map<string, boolean>();
      this.uses.set(auth.id, uses);
      const results = keys.map((key) => {
        if (uses.get(key) === false) return { key, outcome: 'already' };
        if (uses.get(key) === true)
          return { key, outcome: 'refused', reason: `The use for ${key} was released` };
        if (auth.usesConsumed >= auth.usesAuthorized)
          return { key, outcome: 'refused', reason: 'The authorization has no visits left' };
        uses.set(key, false);
        auth.usesConsumed += 1;
        auth.usesRemaining -= 1;
        return { key, outcome: 'applied' };
      });
      return { authorization: auth, results };
    };
    this.serve(
      'client-insurance.authorization.consume-many',
      (data: { practiceId: string; authorizationId: string; keys: string[] }, caller) => {
        const auth = this.authorizations.get(data.authorizationId);
        if (!auth || !caller.practiceIds?.includes(data.practiceId)) return notFound('Authorization');
        return consumeKeys(auth, data.keys);
      },
    );
    this.serve(
      'client-insurance.authorization.consume-batch',
      (data: { practiceId: string; uses: { authorizationId: string; keys: string[] }[] }, caller) => {
        const auths = data.uses.map((u) => this.authorizations.get(u.authorizationId));
        if (
          auths.some((a) => !a || a.practiceId !== data.practiceId) ||
          !caller.practiceIds?.includes(data.practiceId)
        )
          return notFound('Authorization');
        return { items: data.uses.map((u, i) => consumeKeys(auths[i] as AuthorizationView, u.keys)) };
      },
    );
    this.serve(
      'client-insurance.authorization.release',
      (data: { practiceId: string; authorizationId: string; key: string }, caller) => {
        const auth = this.authorizations.get(data.authorizationId);
        if (!auth || !caller.practiceIds?.includes(data.practiceId)) return notFound('Authorization');
        const uses = this.uses.get(auth.id);
        if (uses?.get(data.key) !== false) return { authorization: auth, applied: false };
        uses.set(data.key, true);
        auth.usesConsumed -= 1;
        auth.usesRemaining += 1;
        return { authorization: auth, applied: true };
      },
    );
    this.serve('enrollments.claim-filing.check', (data: { practiceId: string }, caller) =>
      caller.practiceIds?.includes(data.practiceId)
        ? {
            allowed: ['accepted', 'not_required'].includes(this.claimFiling),
            status: this.claimFiling,
            enrollmentId: null,
            reason: 'stand-in',
          }
        : notFound('Practice'),
    );
    await this.nc.flush();
  }

  /** A group practice billing as the organization, with one clinician, one office and one payer. */
  addPractice(ids: { practiceId: string; clinicianId: string; locationId: string; payerId: string }): void {
    const { practiceId, clinicianId, locationId, payerId } = ids;
    const address = { line1: '12 River Road', city: 'Springfield', state: 'IL', zip: '627011234' };
    this.practices.set(practiceId, {
      id: practiceId,
      type: 'group',
      name: 'Riverbend Counseling',
      legalName: 'Riverbend Counseling LLC',
      phone: '2175550100',
      email: null,
      address,
      secureMessagingEnabled: false,
      settingsComplete: true,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    } as PracticeView);
    this.profiles.set(practiceId, {
      practiceId,
      billAs: 'organization',
      organizationNpi: '1245319599',
      taxId: { kind: 'ein', display: '12-3456789', masked: false },
      taxonomyCode: '101YP2500X',
      taxonomyName: 'Professional Counselor',
      billingAddress: address,
      payToAddress: null,
      serviceFacilityLocation: { enabled: false, required: false, reason: null },
      version: 1,
      updatedAt: now(),
    });
    this.members.set(clinicianId, {
      id: clinicianId,
      practiceId,
      firstName: 'Sam',
      lastName: 'Okafor',
      email: `${clinicianId}@riverbend.test`,
      role: 'clinician',
      credentials: ['LPC'],
      npi: '1234567893',
      taxonomyCode: '101YP2500X',
      secureMessagingEnabled: false,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    });
    this.locations.set(locationId, {
      id: locationId,
      practiceId,
      name: 'Main office',
      address,
      phone: null,
      placeOfService: '11',
      placeOfServiceName: 'Office',
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    });
    this.payers.set(payerId, {
      id: payerId,
      key: null,
      name: 'Aetna',
      aliases: [],
      payerIds: { default: '60054' },
      kind: 'commercial',
      states: [],
      region: null,
      isBcbs: false,
      claimFilingEnrollmentRequired: false,
      eraSupported: true,
      eraEnrollmentRequired: false,
      verified: true,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    });
  }

  /** A client who is their own subscriber, with a primary policy of `payerId`. */
  addClient(
    practiceId: string,
    clientId: string,
    policyId: string | null,
    payerId: string,
    memberId = 'W123456789',
  ): void {
    this.clients.set(clientId, {
      id: clientId,
      practiceId,
      firstName: 'Dana',
      lastName: 'Reyes',
      preferredName: null,
      birthDate: '1990-04-12',
      sex: 'F',
      genderIdentity: null,
      phone: '2175550111',
      email: null,
      address: { line1: '4 Elm Street', city: 'Springfield', state: 'IL', zip: '62702' },
      billingType: 'insurance',
      active: true,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
    });
    if (!policyId) return;
    this.policies.set(policyId, {
      id: policyId,
      practiceId,
      clientId,
      order: 'primary',
      payer: { id: payerId, name: 'Aetna', payerId: '60054', isBcbs: false },
      memberId,
      memberIdMasked: false,
      groupNumber: 'G100',
      planName: null,
      coverageStart: '2026-01-01',
      coverageEnd: null,
      relationship: 'self',
      relationshipCode: '18',
      subscriber: null,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
      warnings: [],
      cards: {},
    });
  }

  addAuthorization(
    practiceId: string,
    clientId: string,
    policyId: string,
    id: string,
    usesAuthorized: number,
  ): void {
    this.authorizations.set(id, {
      id,
      practiceId,
      clientId,
      policyId,
      number: 'AUTH778899',
      usesAuthorized,
      usesConsumed: 0,
      usesRemaining: usesAuthorized,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      active: true,
      version: 1,
      createdAt: now(),
      updatedAt: now(),
      warnings: [],
    });
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(ClaimsEnv, (env) => AppModule.register(env), extra);
  }
}
