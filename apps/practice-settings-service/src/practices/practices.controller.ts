import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller, PRACTICE_EDITORS } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  CreatePracticeDto,
  CreateTeamMemberCommand,
  ListPracticesQuery,
  ListTeamMembersQuery,
  PracticeRefDto,
  PracticeSettingsSubjects as S,
  TeamMemberRefDto,
  UpdatePracticeCommand,
  UpdateTeamMemberCommand,
} from '@claimline/contracts/practice-settings';
import { PracticesService } from './practices.service';

/** Message handlers only: validation happens in the global pipe, rules in the service. */
@Controller()
export class PracticesController {
  constructor(private readonly practices: PracticesService) {}

  @Authorize({ roles: ['admin', 'billing_staff'] })
  @MessagePattern(S.practiceCreate)
  create(@Caller() actor: Principal, @Payload('data') dto: CreatePracticeDto) {
    return this.practices.createPractice(actor, dto);
  }

  @Authorize({
    roles: ROLES,
    services: ['enrollments', 'client-insurance', 'documents', 'notifications', 'claims', 'payments'],
    practice: 'practiceId',
  })
  @MessagePattern(S.practiceGet)
  get(@Caller() actor: Principal, @Payload('data') dto: PracticeRefDto) {
    return this.practices.getPractice(actor, dto.practiceId);
  }

  @Authorize({ roles: ROLES })
  @MessagePattern(S.practiceList)
  list(@Caller() actor: Principal, @Payload('data') query: ListPracticesQuery) {
    return this.practices.listPractices(actor, query);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.practiceUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdatePracticeCommand) {
    return this.practices.updatePractice(actor, cmd);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.memberCreate)
  createMember(@Caller() actor: Principal, @Payload('data') cmd: CreateTeamMemberCommand) {
    return this.practices.createMember(actor, cmd);
  }

  @Authorize({ roles: ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.memberGet)
  getMember(@Caller() actor: Principal, @Payload('data') dto: TeamMemberRefDto) {
    return this.practices.getMember(actor, dto.practiceId, dto.memberId);
  }

  @Authorize({ roles: ROLES, services: ['enrollments'], practice: 'practiceId' })
  @MessagePattern(S.memberList)
  listMembers(@Caller() actor: Principal, @Payload('data') query: ListTeamMembersQuery) {
    return this.practices.listMembers(actor, query);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.memberUpdate)
  updateMember(@Caller() actor: Principal, @Payload('data') cmd: UpdateTeamMemberCommand) {
    return this.practices.updateMember(actor, cmd);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.memberRemove)
  removeMember(@Caller() actor: Principal, @Payload('data') dto: TeamMemberRefDto) {
    return this.practices.removeMember(actor, dto.practiceId, dto.memberId);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'practice-settings' };
  }
}
