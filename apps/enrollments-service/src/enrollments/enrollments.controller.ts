import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ActOnEnrollmentCommand,
  ENROLLMENT_REQUESTER_ROLES,
  ENROLLMENT_STAFF_ROLES,
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

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.list)
  list(@Caller() actor: Principal, @Payload('data') q: PracticeEnrollmentsQuery) {
    return this.enrollments.list(actor, q.practiceId);
  }

  @Authorize({ roles: ENROLLMENT_REQUESTER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.preview)
  preview(@Caller() actor: Principal, @Payload('data') q: PreviewEnrollmentQuery) {
    return this.enrollments.preview(actor, q);
  }

  @Authorize({ roles: ENROLLMENT_REQUESTER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.enroll)
  enroll(@Caller() actor: Principal, @Payload('data') cmd: EnrollCommand) {
    return this.enrollments.enroll(actor, cmd);
  }

  @Authorize({ roles: ROLES })
  @MessagePattern(S.get)
  get(@Caller() actor: Principal, @Payload('data') dto: EnrollmentRefDto) {
    return this.enrollments.get(actor, dto.enrollmentId);
  }

  @Authorize({ roles: ENROLLMENT_REQUESTER_ROLES })
  @MessagePattern(S.act)
  act(@Caller() actor: Principal, @Payload('data') cmd: ActOnEnrollmentCommand) {
    return this.enrollments.act(actor, cmd);
  }

  @Authorize({ roles: ROLES })
  @MessagePattern(S.history)
  history(@Caller() actor: Principal, @Payload('data') dto: EnrollmentRefDto) {
    return this.enrollments.history(actor, dto.enrollmentId);
  }

  @Authorize({ roles: ENROLLMENT_STAFF_ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.claimFilingCheck)
  claimFilingCheck(@Caller() actor: Principal, @Payload('data') q: IdentityCheckQuery) {
    return this.enrollments.claimFilingCheck(actor, q);
  }

  @Authorize({ roles: ENROLLMENT_STAFF_ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.eraCheck)
  eraCheck(@Caller() actor: Principal, @Payload('data') q: IdentityCheckQuery) {
    return this.enrollments.eraCheck(actor, q);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: SERVICE_NAME };
  }
}
