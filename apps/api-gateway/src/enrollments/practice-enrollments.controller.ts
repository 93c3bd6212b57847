import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ENROLLMENT_REQUESTER_ROLES,
  EnrollBody,
  PreviewEnrollmentParams,
} from '@claimline/contracts/enrollments';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { ENROLLMENTS, EnrollmentsClient } from '../common/rpc';

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
  list(@Param('practiceId', UuidParam) practiceId: string, @Rpc() rpc: RpcCallOptions) {
    return this.enrollments.send('enrollments.enrollment.list', { practiceId }, rpc);
  }

  @Get('preview')
  @Roles(...ENROLLMENT_REQUESTER_ROLES)
  @Audit({ resource: 'enrollment_request', action: 'read' })
  @ApiOperation({
    summary:
      'Exactly what +Enroll would send for `payerId` and `type`, and what is missing in practice settings',
  })
  preview(
    @Param('practiceId', UuidParam) practiceId: string,
    @Query() query: PreviewEnrollmentParams,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.enrollments.send('enrollments.enrollment.preview', { ...query, practiceId }, rpc);
  }

  @Post()
  @Roles(...ENROLLMENT_REQUESTER_ROLES)
  @Audit({ resource: 'enrollment', action: 'create' })
  @ApiOperation({
    summary:
      '+Enroll: build the request from practice settings and submit it (422 names what is missing, 409 when not enrollable)',
  })
  enroll(
    @Param('practiceId', UuidParam) practiceId: string,
    @Body() body: EnrollBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.enrollments.send('enrollments.enrollment.enroll', { ...body, practiceId }, rpc);
  }
}
