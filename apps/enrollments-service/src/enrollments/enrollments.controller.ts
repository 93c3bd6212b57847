import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
import {
  ActOnEnrollmentCommand,
  EnrollCommand,
  EnrollmentRefDto,
  EnrollmentsSubjects as S,
  IdentityCheckQuery,
  PracticeEnrollmentsQuery,
  PreviewEnrollmentQuery,
} from '@claimline/contracts/enrollments';
import { SERVICE_NAME } from '../config/env';
import { EnrollmentsService } from './enrollments.service';

@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @MessagePattern(S.list)
  list(@Payload('actor') actor: Actor, @Payload('data') q: PracticeEnrollmentsQuery) {
    return this.enrollments.list(actor, q.practiceId);
  }

  @MessagePattern(S.preview)
  preview(@Payload('actor') actor: Actor, @Payload('data') q: PreviewEnrollmentQuery) {
    return this.enrollments.preview(actor, q);
  }

  @MessagePattern(S.enroll)
  enroll(@Payload('actor') actor: Actor, @Payload('data') cmd: EnrollCommand) {
    return this.enrollments.enroll(actor, cmd);
  }

  @MessagePattern(S.get)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: EnrollmentRefDto) {
    return this.enrollments.get(actor, dto.enrollmentId);
  }

  @MessagePattern(S.act)
  act(@Payload('actor') actor: Actor, @Payload('data') cmd: ActOnEnrollmentCommand) {
    return this.enrollments.act(actor, cmd);
  }

  @MessagePattern(S.history)
  history(@Payload('actor') actor: Actor, @Payload('data') dto: EnrollmentRefDto) {
    return this.enrollments.history(actor, dto.enrollmentId);
  }

  @MessagePattern(S.claimFilingCheck)
  claimFilingCheck(@Payload('actor') actor: Actor, @Payload('data') q: IdentityCheckQuery) {
    return this.enrollments.claimFilingCheck(actor, q);
  }

  @MessagePattern(S.eraCheck)
  eraCheck(@Payload('actor') actor: Actor, @Payload('data') q: IdentityCheckQuery) {
    return this.enrollments.eraCheck(actor, q);
  }

  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: SERVICE_NAME };
  }
}
