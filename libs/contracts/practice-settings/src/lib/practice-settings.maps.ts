import { Page } from '@claimline/contracts/common';
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
  'practice-settings.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
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

export interface PracticeSettingsEvents {
  'practice-settings.practice.created': PracticeChangedEvent;
  'practice-settings.practice.updated': PracticeChangedEvent;
  'practice-settings.team-member.added': TeamMemberChangedEvent;
  'practice-settings.team-member.updated': TeamMemberChangedEvent;
  'practice-settings.team-member.removed': { practiceId: string; memberId: string };
}
