import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ClientInsuranceSubjects as S,
  CreatePolicyCommand,
  FindPoliciesByMemberIdQuery,
  ListPoliciesQuery,
  PolicyRefDto,
  UpdatePolicyCommand,
} from '@claimline/contracts/client-insurance';
import { PoliciesService } from './policies.service';

@Controller()
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.policyCreate)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreatePolicyCommand) {
    return this.policies.create(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.policyGet)
  get(@Caller() actor: Principal, @Payload('data') dto: PolicyRefDto) {
    return this.policies.get(actor, dto.practiceId, dto.policyId);
  }

  @Authorize({ roles: ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.policyList)
  list(@Caller() actor: Principal, @Payload('data') query: ListPoliciesQuery) {
    return this.policies.list(actor, query.practiceId, query.clientId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.policyFindByMemberId)
  findByMemberId(@Caller() actor: Principal, @Payload('data') query: FindPoliciesByMemberIdQuery) {
    return this.policies.findByMemberId(actor, query.practiceId, query.memberId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.policyUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdatePolicyCommand) {
    return this.policies.update(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.policyRemove)
  remove(@Caller() actor: Principal, @Payload('data') dto: PolicyRefDto) {
    return this.policies.remove(actor, dto.practiceId, dto.policyId);
  }
}
