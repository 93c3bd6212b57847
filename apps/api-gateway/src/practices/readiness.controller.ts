import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices/:practiceId/readiness')
export class ReadinessController {
  constructor(@Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient) {}

  @Get()
  @Audit({ resource: 'readiness', action: 'read', idParam: 'practiceId' })
  @ApiOperation({
    summary:
      'The "Set up your account" checklist: each item done or missing, the missing fields, and where to fix them',
  })
  get(@Param('practiceId', UuidParam) practiceId: string, @Rpc() rpc: RpcCallOptions) {
    return this.ps.send('practice-settings.readiness.get', { practiceId }, rpc);
  }
}
