import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  CheckEligibilityCommand,
  ClientInsuranceSubjects as S,
  LastEligibilityQuery,
} from '@claimline/contracts/client-insurance';
import { EligibilityService } from './eligibility.service';

@Controller()
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.eligibilityCheck)
  check(@Caller() actor: Principal, @Payload('data') cmd: CheckEligibilityCommand) {
    return this.eligibility.check(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.eligibilityLast)
  last(@Caller() actor: Principal, @Payload('data') query: LastEligibilityQuery) {
    return this.eligibility.last(actor, query.practiceId, query.policyId);
  }
}
