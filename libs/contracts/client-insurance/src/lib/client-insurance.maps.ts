import { Page } from '@claimline/contracts/common';
import type { InsuranceOrder } from '@claimline/domain';
import {
  AuthorizationRefDto,
  AuthorizationUseBatchCommand,
  AuthorizationUseBatchResult,
  AuthorizationUseCommand,
  AuthorizationUseManyCommand,
  AuthorizationUseManyResult,
  AuthorizationUseResult,
  AuthorizationView,
  CreateAuthorizationCommand,
  ListAuthorizationsQuery,
  UpdateAuthorizationCommand,
} from './dto/authorization.dto';
import {
  ClientRefDto,
  ClientView,
  CreateClientCommand,
  ListClientsQuery,
  UpdateClientCommand,
} from './dto/client.dto';
import { CoverageManyQuery, CoverageManyResult } from './dto/coverage.dto';
import {
  CheckEligibilityCommand,
  EligibilityCheckView,
  LastEligibilityQuery,
  LastEligibilityResult,
} from './dto/eligibility.dto';
import {
  ClientMissingInfo,
  MissingInfoManyQuery,
  MissingInfoManyResult,
  MissingInfoQuery,
} from './dto/missing-info.dto';
import {
  CreatePayerCommand,
  PayerRefDto,
  PayerView,
  SearchPayersQuery,
  UpdatePayerCommand,
} from './dto/payer.dto';
import {
  CreatePolicyCommand,
  FindPoliciesByMemberIdQuery,
  ListPoliciesQuery,
  PolicyEventView,
  PolicyRefDto,
  PolicyView,
  UpdatePolicyCommand,
} from './dto/policy.dto';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface ClientInsuranceRpc {
  'client-insurance.client.create': { request: CreateClientCommand; response: ClientView };
  'client-insurance.client.get': { request: ClientRefDto; response: ClientView };
  'client-insurance.client.update': { request: UpdateClientCommand; response: ClientView };
  'client-insurance.client.list': { request: ListClientsQuery; response: Page<ClientView> };
  'client-insurance.missing-info.get': { request: MissingInfoQuery; response: ClientMissingInfo };
  'client-insurance.missing-info.get-many': {
    request: MissingInfoManyQuery;
    response: MissingInfoManyResult;
  };
  'client-insurance.coverage.get-many': { request: CoverageManyQuery; response: CoverageManyResult };
  'client-insurance.payer.search': { request: SearchPayersQuery; response: Page<PayerView> };
  'client-insurance.payer.get': { request: PayerRefDto; response: PayerView };
  'client-insurance.payer.create': { request: CreatePayerCommand; response: PayerView };
  'client-insurance.payer.update': { request: UpdatePayerCommand; response: PayerView };
  'client-insurance.policy.create': { request: CreatePolicyCommand; response: PolicyView };
  'client-insurance.policy.get': { request: PolicyRefDto; response: PolicyView };
  'client-insurance.policy.update': { request: UpdatePolicyCommand; response: PolicyView };
  'client-insurance.policy.list': { request: ListPoliciesQuery; response: { items: PolicyView[] } };
  'client-insurance.policy.remove': { request: PolicyRefDto; response: { removed: true } };
  'client-insurance.policy.find-by-member-id': {
    request: FindPoliciesByMemberIdQuery;
    response: { items: PolicyView[] };
  };
  'client-insurance.authorization.create': {
    request: CreateAuthorizationCommand;
    response: AuthorizationView;
  };
  'client-insurance.authorization.get': { request: AuthorizationRefDto; response: AuthorizationView };
  'client-insurance.authorization.update': {
    request: UpdateAuthorizationCommand;
    response: AuthorizationView;
  };
  'client-insurance.authorization.list': {
    request: ListAuthorizationsQuery;
    response: { items: AuthorizationView[] };
  };
  'client-insurance.authorization.consume': {
    request: AuthorizationUseCommand;
    response: AuthorizationUseResult;
  };
  'client-insurance.authorization.consume-many': {
    request: AuthorizationUseManyCommand;
    response: AuthorizationUseManyResult;
  };
  'client-insurance.authorization.consume-batch': {
    request: AuthorizationUseBatchCommand;
    response: AuthorizationUseBatchResult;
  };
  'client-insurance.authorization.release': {
    request: AuthorizationUseCommand;
    response: AuthorizationUseResult;
  };
  'client-insurance.eligibility.check': { request: CheckEligibilityCommand; response: EligibilityCheckView };
  'client-insurance.eligibility.last': { request: LastEligibilityQuery; response: LastEligibilityResult };
  'client-insurance.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}

/**
 * A client as events carry it: ids, billing type and whether it is active — never its name, birth
 * date, contact details or address; a consumer that needs them asks `client-insurance.client.get`
 * over RPC (docs/adr/0015-phi-minimisation.md).
 */
export interface ClientEventView {
  id: string;
  practiceId: string;
  billingType: ClientView['billingType'];
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface ClientChangedEvent {
  client: ClientEventView;
  /** Names of the fields this change touched (all of them on creation). */
  changed: string[];
}

export interface PayerChangedEvent {
  payer: PayerView;
  changed: string[];
}

export interface PolicyChangedEvent {
  policy: PolicyEventView;
  changed: string[];
}

export interface PolicyRemovedEvent {
  practiceId: string;
  clientId: string;
  policyId: string;
  payerId: string;
  order: InsuranceOrder;
}

/** Authorization views in events carry the warnings as of the moment of the event. */
export interface AuthorizationChangedEvent {
  authorization: AuthorizationView;
  changed: string[];
}

export interface AuthorizationUsedEvent {
  authorization: AuthorizationView;
  /** The caller's idempotency key (a claim id). */
  key: string;
}

/**
 * The full set of payers the practice has clients with (payers of its policies that are not
 * removed), emitted whenever that set changes. `added`/`removed` are the difference from the
 * previous set; `version` grows by one per change of this practice's set, so a consumer can keep
 * the newest and ignore late or repeated deliveries.
 */
export interface PracticePayersChangedEvent {
  practiceId: string;
  payerIds: string[];
  added: string[];
  removed: string[];
  version: number;
}

export interface ClientInsuranceEvents {
  'client-insurance.client.created': ClientChangedEvent;
  'client-insurance.client.updated': ClientChangedEvent;
  'client-insurance.payer.created': PayerChangedEvent;
  'client-insurance.payer.updated': PayerChangedEvent;
  'client-insurance.policy.created': PolicyChangedEvent;
  'client-insurance.policy.updated': PolicyChangedEvent;
  'client-insurance.policy.removed': PolicyRemovedEvent;
  'client-insurance.authorization.created': AuthorizationChangedEvent;
  'client-insurance.authorization.updated': AuthorizationChangedEvent;
  'client-insurance.authorization.consumed': AuthorizationUsedEvent;
  'client-insurance.authorization.released': AuthorizationUsedEvent;
  'client-insurance.practice-payers.changed': PracticePayersChangedEvent;
}
