import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PutBillingProfileBody } from '@claimline/contracts/practice-settings';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

@ApiTags('billing profile')
@ApiBearerAuth()
@Controller('practices/:practiceId/billing-profile')
export class BillingProfileController {
  constructor(@Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient) {}

  @Get()
  @Audit({ resource: 'billing_profile', action: 'read', idParam: 'practiceId' })
  @ApiOperation({
    summary:
      'Organization NPI, Tax ID (an SSN is masked except for admins and billing staff), taxonomy, billing address, box 32',
  })
  get(@InPractice() { practiceId, rpc }: PracticeCall) {
    return this.ps.send('practice-settings.billing-profile.get', { practiceId }, rpc);
  }

  @Put()
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'billing_profile', action: 'update', idParam: 'practiceId' })
  @ApiOperation({
    summary:
      'Replace the billing profile; send the `version` you read (0 for the first save). Leave `taxId` out to keep the one on file',
  })
  put(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: PutBillingProfileBody) {
    return this.ps.send('practice-settings.billing-profile.put', { ...body, practiceId }, rpc);
  }
}
