import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit.decorator';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

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
  get(@InPractice() { practiceId, rpc }: PracticeCall) {
    return this.ps.send('practice-settings.readiness.get', { practiceId }, rpc);
  }
}
