import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatePolicyBody, UpdatePolicyBody } from '@claimline/contracts/client-insurance';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { CLIENT_INSURANCE, ClientInsuranceClient } from '../common/rpc';
import { CLIENT_EDITOR_ROLES } from './roles';
import { InPractice, type PracticeCall } from '../common/in-practice';

/** Insurance policies of a client (primary, secondary, tertiary). The member ID is PHI: every read is audited. */
@ApiTags('insurance policies')
@ApiBearerAuth()
@Controller('practices/:practiceId')
export class PoliciesController {
  constructor(@Inject(CLIENT_INSURANCE) private readonly ci: ClientInsuranceClient) {}

  @Get('clients/:clientId/policies')
  @Audit({ resource: 'insurance_policy', action: 'list' })
  @ApiOperation({ summary: 'The client’s policies (not removed), primary first' })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Param('clientId', UuidParam) clientId: string) {
    return this.ci.send('client-insurance.policy.list', { practiceId, clientId }, rpc);
  }

  @Post('clients/:clientId/policies')
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'insurance_policy', action: 'create' })
  @ApiOperation({
    summary: 'Add a policy; subscriber data is required unless the client is the insured (relationship self)',
  })
  create(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('clientId', UuidParam) clientId: string,
    @Body() body: CreatePolicyBody,
  ) {
    return this.ci.send('client-insurance.policy.create', { ...body, practiceId, clientId }, rpc);
  }

  @Get('policies/:policyId')
  @Audit({ resource: 'insurance_policy', action: 'read', idParam: 'policyId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('policyId', UuidParam) policyId: string) {
    return this.ci.send('client-insurance.policy.get', { practiceId, policyId }, rpc);
  }

  @Patch('policies/:policyId')
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'insurance_policy', action: 'update', idParam: 'policyId' })
  @ApiOperation({ summary: 'Change a policy; send the `version` you read (409 if it moved on)' })
  update(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('policyId', UuidParam) policyId: string,
    @Body() body: UpdatePolicyBody,
  ) {
    return this.ci.send('client-insurance.policy.update', { ...body, practiceId, policyId }, rpc);
  }

  @Delete('policies/:policyId')
  @HttpCode(204)
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'insurance_policy', action: 'delete', idParam: 'policyId' })
  @ApiOperation({ summary: 'Remove a policy (kept for history, no longer listed or billed)' })
  async remove(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('policyId', UuidParam) policyId: string,
  ) {
    await this.ci.send('client-insurance.policy.remove', { practiceId, policyId }, rpc);
  }
}
