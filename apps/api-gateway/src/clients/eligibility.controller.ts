import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { InPractice, type PracticeCall } from '../common/in-practice';
import { UuidParam } from '../common/params';
import { CLIENT_INSURANCE, ClientInsuranceClient } from '../common/rpc';
import { CheckEligibilityBody } from './eligibility.http';
import { CLIENT_EDITOR_ROLES } from './roles';

/**
 * Real-time eligibility of a policy through the clearinghouse (270 → 271): "check now" and the last
 * check. The payer's answer is the client's health information: every call is audited against the policy.
 */
@ApiTags('insurance policies')
@ApiBearerAuth()
@Controller('practices/:practiceId/policies/:policyId/eligibility')
export class EligibilityController {
  constructor(@Inject(CLIENT_INSURANCE) private readonly ci: ClientInsuranceClient) {}

  @Post()
  @HttpCode(200)
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'insurance_policy', action: 'read', idParam: 'policyId' })
  @ApiOperation({
    summary:
      'Ask the payer now (270 through the clearinghouse) whether the policy is active on `date` (today when left out), with the behavioural-health benefits; stored as the last check',
  })
  check(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('policyId', UuidParam) policyId: string,
    @Body() body: CheckEligibilityBody,
  ) {
    return this.ci.send('client-insurance.eligibility.check', { ...body, practiceId, policyId }, rpc);
  }

  @Get()
  @Audit({ resource: 'insurance_policy', action: 'read', idParam: 'policyId' })
  @ApiOperation({ summary: 'The policy’s last eligibility check (`check` is null before the first)' })
  last(@InPractice() { practiceId, rpc }: PracticeCall, @Param('policyId', UuidParam) policyId: string) {
    return this.ci.send('client-insurance.eligibility.last', { practiceId, policyId }, rpc);
  }
}
