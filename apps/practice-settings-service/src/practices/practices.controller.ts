import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
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

  @MessagePattern(S.practiceCreate)
  create(@Payload('actor') actor: Actor, @Payload('data') dto: CreatePracticeDto) {
    return this.practices.createPractice(actor, dto);
  }

  @MessagePattern(S.practiceGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: PracticeRefDto) {
    return this.practices.getPractice(actor, dto.practiceId);
  }

  @MessagePattern(S.practiceList)
  list(@Payload('actor') actor: Actor, @Payload('data') query: ListPracticesQuery) {
    return this.practices.listPractices(actor, query);
  }

  @MessagePattern(S.practiceUpdate)
  update(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdatePracticeCommand) {
    return this.practices.updatePractice(actor, cmd);
  }

  @MessagePattern(S.memberCreate)
  createMember(@Payload('actor') actor: Actor, @Payload('data') cmd: CreateTeamMemberCommand) {
    return this.practices.createMember(actor, cmd);
  }

  @MessagePattern(S.memberGet)
  getMember(@Payload('actor') actor: Actor, @Payload('data') dto: TeamMemberRefDto) {
    return this.practices.getMember(actor, dto.practiceId, dto.memberId);
  }

  @MessagePattern(S.memberList)
  listMembers(@Payload('actor') actor: Actor, @Payload('data') query: ListTeamMembersQuery) {
    return this.practices.listMembers(actor, query);
  }

  @MessagePattern(S.memberUpdate)
  updateMember(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdateTeamMemberCommand) {
    return this.practices.updateMember(actor, cmd);
  }

  @MessagePattern(S.memberRemove)
  removeMember(@Payload('actor') actor: Actor, @Payload('data') dto: TeamMemberRefDto) {
    return this.practices.removeMember(actor, dto.practiceId, dto.memberId);
  }

  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'practice-settings' };
  }
}
