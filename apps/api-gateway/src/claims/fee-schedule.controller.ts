import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEE_SCHEDULE_EDITOR_ROLES, PutFeeScheduleBody } from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { CLAIMS, ClaimsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

@ApiTags('fee schedule')
@ApiBearerAuth()
@Controller('practices/:practiceId/fee-schedule')
export class FeeScheduleController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Get()
  @Audit({ resource: 'fee_schedule', action: 'read', idParam: 'practiceId' })
  @ApiOperation({ summary: 'What the practice charges per procedure and modifiers (version 0: never saved)' })
  get(@InPractice() { practiceId, rpc }: PracticeCall) {
    return this.claims.send('claims.fee-schedule.get', { practiceId }, rpc);
  }

  @Put()
  @Roles(...FEE_SCHEDULE_EDITOR_ROLES)
  @Audit({ resource: 'fee_schedule', action: 'update', idParam: 'practiceId' })
  @ApiOperation({
    summary:
      'Replace the whole fee schedule; send the `version` you read (0 for the first save, 409 if it moved on)',
  })
  put(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: PutFeeScheduleBody) {
    return this.claims.send('claims.fee-schedule.put', { ...body, practiceId }, rpc);
  }
}
