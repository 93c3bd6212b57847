import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
import { PracticeRefDto, PracticeSettingsSubjects as S } from '@claimline/contracts/practice-settings';
import { ReadinessService } from './readiness.service';

@Controller()
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @MessagePattern(S.readinessGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: PracticeRefDto) {
    return this.readiness.get(actor, dto.practiceId);
  }
}
