import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { canSeePractice, type Principal, ROLES } from '@claimline/contracts/common';
import {
  PracticeRefDto,
  PracticeSettingsSubjects as S,
  ReadinessManyQuery,
} from '@claimline/contracts/practice-settings';
import { ReadinessService } from './readiness.service';

@Controller()
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.readinessGet)
  get(@Caller() actor: Principal, @Payload('data') dto: PracticeRefDto) {
    return this.readiness.get(actor, dto.practiceId);
  }

  /**
   * claims-service asks as itself for the practices of one page of its unbilled list. Each
   * practice is checked against the caller's scope here (the rule's `practice` names one field);
   * one out of scope or missing is listed in `notFound`, like a missing record.
   */
  @Authorize({ services: ['claims'], practiceCheckedInHandler: 'practiceIds' })
  @MessagePattern(S.readinessGetMany)
  getMany(@Caller() caller: Principal, @Payload('data') query: ReadinessManyQuery) {
    const seen = query.practiceIds.filter((id) => canSeePractice(caller, id));
    return this.readiness.ownMany(
      seen,
      query.practiceIds.filter((id) => !seen.includes(id)),
    );
  }
}
