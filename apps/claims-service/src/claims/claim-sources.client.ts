import { Inject, Injectable } from '@nestjs/common';
import { servicePrincipal } from '@claimline/contracts/common';
import {
  type AuthorizationUseBatchResult,
  type AuthorizationUseResult,
  type AuthorizationView,
  type ClientInsuranceRpc,
  type ClientView,
  MAX_COVERAGE_CLIENTS,
  type PayerView,
  type PolicyView,
} from '@claimline/contracts/client-insurance';
import type { ClaimFilingCheck, EnrollmentsRpc } from '@claimline/contracts/enrollments';
import type {
  BillingProfileView,
  LocationView,
  PracticeSettingsRpc,
  PracticeView,
  TeamMemberView,
} from '@claimline/contracts/practice-settings';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { currentRequestId } from '@claimline/backend/util-service';
import { SERVICE_NAME } from '../config/env';
import { CLIENT_INSURANCE_RPC, PRACTICE_SETTINGS_RPC } from '../practice-directory/practice-directory.client';

export const ENROLLMENTS_RPC = Symbol('ENROLLMENTS_RPC');

/** What this service asks other services for to build and check a claim (APP_ACCESS lists them). */
export const SOURCE_SUBJECTS = [
  'client-insurance.client.get',
  'client-insurance.coverage.get-many',
  'client-insurance.payer.get',
  'client-insurance.authorization.consume-batch',
  'client-insurance.authorization.release',
  'practice-settings.practice.get',
  'practice-settings.billing-profile.get',
  'practice-settings.team-member.get',
  'practice-settings.location.get',
  'enrollments.claim-filing.check',
] as const;

/** Calls in flight at once per batch: enough to hide round trips, few enough not to flood a service. */
const CONCURRENCY = 16;

/** A client with its insurance as the claim copies it: the primary policy and its authorizations. */
export interface ClientSources {
  client: ClientView;
  policy: PolicyView | null;
  authorizations: AuthorizationView[];
}

export interface PracticeSources {
  practice: PracticeView;
  profile: BillingProfileView;
  members: Map<string, TeamMemberView | null>;
  locations: Map<string, LocationView | null>;
}

/**
 * Reads what a claim copies from the services that own it, always as this service (a signed
 * identity scoped to the one practice; the user's scope was checked by the guard), and uses or
 * gives back authorization visits. Reads go in parallel, a bounded number at a time, once per
 * distinct client, payer, team member and location of a batch.
 */
@Injectable()
export class ClaimSourcesClient {
  constructor(
    @Inject(CLIENT_INSURANCE_RPC) private readonly clients: RpcClient<ClientInsuranceRpc>,
    @Inject(PRACTICE_SETTINGS_RPC) private readonly settings: RpcClient<PracticeSettingsRpc>,
    @Inject(ENROLLMENTS_RPC) private readonly enrollments: RpcClient<EnrollmentsRpc>,
  ) {}

  private options(practiceId: string) {
    return {
      principal: servicePrincipal(SERVICE_NAME, [...SOURCE_SUBJECTS], [practiceId]),
      requestId: currentRequestId(),
    };
  }

  /**
   * Each client's record, primary policy and that policy's authorizations; a client of no practice
   * is left out. One `coverage.get-many` (with `detail`) per 1,000 clients; a client it does not
   * name (no primary policy) is read alone, to tell "no policy" from "not a client here".
   */
  async clientsOf(practiceId: string, clientIds: readonly string[]): Promise<Map<string, ClientSources>> {
    const o = this.options(practiceId);
    const found = new Map<string, ClientSources>();
    const chunks: string[][] = [];
    for (let i = 0; i < clientIds.length; i += MAX_COVERAGE_CLIENTS)
      chunks.push(clientIds.slice(i, i + MAX_COVERAGE_CLIENTS));
    await eachLimited(chunks, async (chunk) => {
      const { items } = await this.clients.send(
        'client-insurance.coverage.get-many',
        { practiceId, clientIds: chunk, detail: true },
        o,
      );
      for (const c of items)
        if (c.client && c.policy)
          found.set(c.clientId, { client: c.client, policy: c.policy, authorizations: c.authorizations });
    });
    await eachLimited(
      clientIds.filter((id) => !found.has(id)),
      async (clientId) => {
        const client = await orNull(
          this.clients.send('client-insurance.client.get', { practiceId, clientId }, o),
        );
        if (client) found.set(clientId, { client, policy: null, authorizations: [] });
      },
    );
    return found;
  }

  async payers(practiceId: string, payerIds: readonly string[]): Promise<Map<string, PayerView>> {
    const o = this.options(practiceId);
    const found = new Map<string, PayerView>();
    await eachLimited(payerIds, async (payerId) => {
      const payer = await orNull(this.clients.send('client-insurance.payer.get', { payerId }, o));
      if (payer) found.set(payerId, payer);
    });
    return found;
  }

  async practice(
    practiceId: string,
    memberIds: readonly string[],
    locationIds: readonly string[],
  ): Promise<PracticeSources> {
    const o = this.options(practiceId);
    const [practice, profile] = await Promise.all([
      this.settings.send('practice-settings.practice.get', { practiceId }, o),
      this.settings.send('practice-settings.billing-profile.get', { practiceId }, o),
    ]);
    const members = new Map<string, TeamMemberView | null>();
    const locations = new Map<string, LocationView | null>();
    await Promise.all([
      eachLimited(memberIds, async (memberId) => {
        members.set(
          memberId,
          await orNull(this.settings.send('practice-settings.team-member.get', { practiceId, memberId }, o)),
        );
      }),
      eachLimited(locationIds, async (locationId) => {
        locations.set(
          locationId,
          await orNull(this.settings.send('practice-settings.location.get', { practiceId, locationId }, o)),
        );
      }),
    ]);
    return { practice, profile, members, locations };
  }

  /** Whether electronic claims to the payer from this billing NPI and tax ID are allowed (null: cannot tell). */
  async claimFiling(
    practiceId: string,
    payerId: string,
    billingNpi: string,
    taxId: string,
  ): Promise<ClaimFilingCheck | null> {
    if (!/^\d{10}$/.test(billingNpi) || !/^\d{9}$/.test(taxId)) return null;
    return orNull(
      this.enrollments.send(
        'enrollments.claim-filing.check',
        { practiceId, payerId, billingNpi, taxId },
        this.options(practiceId),
      ),
    );
  }

  /**
   * Uses one visit per key of each authorization named, in one call and one client-insurance
   * transaction (idempotent: a key counts once; at most 1,000 keys in all); each key is answered
   * `applied`, `already` or `refused` with why.
   */
  consumeBatch(
    practiceId: string,
    uses: { authorizationId: string; keys: string[] }[],
  ): Promise<AuthorizationUseBatchResult> {
    return this.clients.send(
      'client-insurance.authorization.consume-batch',
      { practiceId, uses },
      this.options(practiceId),
    );
  }

  release(practiceId: string, authorizationId: string, key: string): Promise<AuthorizationUseResult> {
    return this.clients.send(
      'client-insurance.authorization.release',
      { practiceId, authorizationId, key },
      this.options(practiceId),
    );
  }
}

async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof RpcError && error.code === 'not_found') return null;
    throw error;
  }
}

/** Runs `fn` on each item, at most CONCURRENCY at a time. */
export async function eachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
