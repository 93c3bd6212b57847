import { Page } from '@claimline/contracts/common';
import { BillingIdentity, BillingProfileView, PutBillingProfileCommand } from './dto/billing-profile.dto';
import {
  CreateLocationCommand,
  ListLocationsQuery,
  LocationRefDto,
  LocationView,
  UpdateLocationCommand,
} from './dto/location.dto';
import {
  CreatePracticeDto,
  ListPracticesQuery,
  PracticeRefDto,
  PracticeView,
  UpdatePracticeCommand,
} from './dto/practice.dto';
import {
  CreateTeamMemberCommand,
  ListTeamMembersQuery,
  TeamMemberRefDto,
  TeamMemberView,
  UpdateTeamMemberCommand,
} from './dto/team-member.dto';
import { PracticeReadiness, ReadinessManyQuery, ReadinessManyResult } from './readiness';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface PracticeSettingsRpc {
  'practice-settings.practice.create': { request: CreatePracticeDto; response: PracticeView };
  'practice-settings.practice.get': { request: PracticeRefDto; response: PracticeView };
  'practice-settings.practice.update': { request: UpdatePracticeCommand; response: PracticeView };
  'practice-settings.practice.list': { request: ListPracticesQuery; response: Page<PracticeView> };
  'practice-settings.team-member.create': { request: CreateTeamMemberCommand; response: TeamMemberView };
  'practice-settings.team-member.get': { request: TeamMemberRefDto; response: TeamMemberView };
  'practice-settings.team-member.update': { request: UpdateTeamMemberCommand; response: TeamMemberView };
  'practice-settings.team-member.list': { request: ListTeamMembersQuery; response: Page<TeamMemberView> };
  'practice-settings.team-member.remove': { request: TeamMemberRefDto; response: { removed: true } };
  'practice-settings.location.create': { request: CreateLocationCommand; response: LocationView };
  'practice-settings.location.get': { request: LocationRefDto; response: LocationView };
  'practice-settings.location.update': { request: UpdateLocationCommand; response: LocationView };
  'practice-settings.location.list': { request: ListLocationsQuery; response: Page<LocationView> };
  'practice-settings.location.remove': { request: LocationRefDto; response: { removed: true } };
  'practice-settings.billing-profile.get': { request: PracticeRefDto; response: BillingProfileView };
  'practice-settings.billing-profile.put': {
    request: PutBillingProfileCommand;
    response: BillingProfileView;
  };
  'practice-settings.readiness.get': { request: PracticeRefDto; response: PracticeReadiness };
  'practice-settings.readiness.get-many': { request: ReadinessManyQuery; response: ReadinessManyResult };
  'practice-settings.health.ping': {
    request: Record<string, never>;
    response: { ok: true; service: string };
  };
}

export interface PracticeChangedEvent {
  practice: PracticeView;
  /** Names of the fields this change touched (all of them on creation). */
  changed: string[];
}

export interface TeamMemberChangedEvent {
  member: TeamMemberView;
  changed: string[];
}

export interface LocationChangedEvent {
  location: LocationView;
  changed: string[];
}

export interface BillingProfileChangedEvent {
  billingIdentity: BillingIdentity;
  changed: string[];
}

export interface ReadinessChangedEvent {
  practiceId: string;
  /** Whether practice settings' own items are all done now. */
  complete: boolean;
  /** Keys of the items still missing. */
  missing: string[];
}

export interface PracticeSettingsEvents {
  'practice-settings.practice.created': PracticeChangedEvent;
  'practice-settings.practice.updated': PracticeChangedEvent;
  'practice-settings.team-member.added': TeamMemberChangedEvent;
  'practice-settings.team-member.updated': TeamMemberChangedEvent;
  'practice-settings.team-member.removed': { practiceId: string; memberId: string };
  'practice-settings.location.added': LocationChangedEvent;
  'practice-settings.location.updated': LocationChangedEvent;
  'practice-settings.location.removed': { practiceId: string; locationId: string };
  'practice-settings.billing-profile.updated': BillingProfileChangedEvent;
  'practice-settings.readiness.changed': ReadinessChangedEvent;
}
