import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ENROLLMENT_REQUESTER_ROLES,
  EnrollBody,
  PreviewEnrollmentParams,
} from '@claimline/contracts/enrollments';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { ENROLLMENTS, EnrollmentsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('practices/:practiceId/enrollments')
export class PracticeEnrollmentsController {
  constructor(@Inject(ENROLLMENTS) private readonly enrollments: EnrollmentsClient) {}

  @Get()
  @Audit({ resource: 'enrollment', action: 'list' })
  @ApiOperation({
    summary:
      'Claim filing and payment reports enrollments of every payer of the directory, with their status',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall) {
    return this.enrollments.send('enrollments.enrollment.list', { practiceId }, rpc);
  }

  @Get('preview')
  @Roles(...ENROLLMENT_REQUESTER_ROLES)
  @Audit({ resource: 'enrollment_request', action: 'read' })
  @ApiOperation({
    summary:
      'Exactly what +Enroll would send for `payerId` and `type`, and what is missing in practice settings',
  })
  preview(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: PreviewEnrollmentParams) {
    return this.enrollments.send('enrollments.enrollment.preview', { ...query, practiceId }, rpc);
  }

  @Post()
  @Roles(...ENROLLMENT_REQUESTER_ROLES)
  @Audit({ resource: 'enrollment', action: 'create' })
  @ApiOperation({
    summary:
      '+Enroll: build the request from practice settings and submit it (422 names what is missing, 409 when not enrollable)',
  })
  enroll(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: EnrollBody) {
    return this.enrollments.send('enrollments.enrollment.enroll', { ...body, practiceId }, rpc);
  }
}
