import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ClaimsSubjects as S,
  FEE_SCHEDULE_EDITOR_ROLES,
  PracticeRefQuery,
  PutFeeScheduleCommand,
} from '@claimline/contracts/claims';
import { FeeScheduleService } from './fee-schedule.service';

@Controller()
export class FeeScheduleController {
  constructor(private readonly feeSchedule: FeeScheduleService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.feeScheduleGet)
  get(@Caller() _actor: Principal, @Payload('data') q: PracticeRefQuery) {
    return this.feeSchedule.get(q.practiceId);
  }

  @Authorize({ roles: FEE_SCHEDULE_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.feeSchedulePut)
  put(@Caller() actor: Principal, @Payload('data') cmd: PutFeeScheduleCommand) {
    return this.feeSchedule.put(actor, cmd);
  }
}
