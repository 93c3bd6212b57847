import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
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

  @MessagePattern(S.policyCreate)
  create(@Payload('actor') actor: Actor, @Payload('data') cmd: CreatePolicyCommand) {
    return this.policies.create(actor, cmd);
  }

  @MessagePattern(S.policyGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: PolicyRefDto) {
    return this.policies.get(actor, dto.practiceId, dto.policyId);
  }

  @MessagePattern(S.policyList)
  list(@Payload('actor') actor: Actor, @Payload('data') query: ListPoliciesQuery) {
    return this.policies.list(actor, query.practiceId, query.clientId);
  }

  @MessagePattern(S.policyFindByMemberId)
  findByMemberId(@Payload('actor') actor: Actor, @Payload('data') query: FindPoliciesByMemberIdQuery) {
    return this.policies.findByMemberId(actor, query.practiceId, query.memberId);
  }

  @MessagePattern(S.policyUpdate)
  update(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdatePolicyCommand) {
    return this.policies.update(actor, cmd);
  }

  @MessagePattern(S.policyRemove)
  remove(@Payload('actor') actor: Actor, @Payload('data') dto: PolicyRefDto) {
    return this.policies.remove(actor, dto.practiceId, dto.policyId);
  }
}
