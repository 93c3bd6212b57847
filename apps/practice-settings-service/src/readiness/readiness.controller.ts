import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import { PracticeRefDto, PracticeSettingsSubjects as S } from '@claimline/contracts/practice-settings';
import { ReadinessService } from './readiness.service';

@Controller()
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.readinessGet)
  get(@Caller() actor: Principal, @Payload('data') dto: PracticeRefDto) {
    return this.readiness.get(actor, dto.practiceId);
  }
}
