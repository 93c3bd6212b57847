import { Body, Controller, Get, Inject, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActOnEnrollmentBody, ENROLLMENT_REQUESTER_ROLES } from '@claimline/contracts/enrollments';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { ENROLLMENTS, EnrollmentsClient } from '../common/rpc';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('enrollments')
export class EnrollmentsController {
  constructor(@Inject(ENROLLMENTS) private readonly enrollments: EnrollmentsClient) {}

  @Get(':enrollmentId')
  @Audit({ resource: 'enrollment', action: 'read', idParam: 'enrollmentId' })
  get(@Param('enrollmentId', UuidParam) enrollmentId: string, @Rpc() rpc: RpcCallOptions) {
    return this.enrollments.send('enrollments.enrollment.get', { enrollmentId }, rpc);
  }

  /** Roles per action are the service's: accept/reject/require_document admin and billing staff; attach_document also practice owners. */
  @Patch(':enrollmentId')
  @Roles(...ENROLLMENT_REQUESTER_ROLES)
  @Audit({ resource: 'enrollment', action: 'update', idParam: 'enrollmentId' })
  @ApiOperation({
    summary:
      'Staff: `accept`, `reject` (with `reason`), `require_document` (with `instructions`); practice: `attach_document` (with `documentId`). Send the `version` you read (409 if it moved on)',
  })
  act(
    @Param('enrollmentId', UuidParam) enrollmentId: string,
    @Body() body: ActOnEnrollmentBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.enrollments.send('enrollments.enrollment.act', { ...body, enrollmentId }, rpc);
  }

  @Get(':enrollmentId/history')
  @Audit({ resource: 'enrollment_history', action: 'read', idParam: 'enrollmentId' })
  @ApiOperation({ summary: 'Every status change: from, to, action, reason, who, when' })
  history(@Param('enrollmentId', UuidParam) enrollmentId: string, @Rpc() rpc: RpcCallOptions) {
    return this.enrollments.send('enrollments.enrollment.history', { enrollmentId }, rpc);
  }
}
