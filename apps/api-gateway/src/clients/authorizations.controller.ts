import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateAuthorizationBody, UpdateAuthorizationBody } from '@claimline/contracts/client-insurance';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { CLIENT_INSURANCE, ClientInsuranceClient } from '../common/rpc';
import { CLIENT_EDITOR_ROLES } from './roles';
import { InPractice, type PracticeCall } from '../common/in-practice';

/**
 * Prior authorizations of a policy, with their warnings computed for today. Consuming and
 * releasing visits is service-to-service (claims, over NATS) and has no HTTP route.
 */
@ApiTags('authorizations')
@ApiBearerAuth()
@Controller('practices/:practiceId')
export class AuthorizationsController {
  constructor(@Inject(CLIENT_INSURANCE) private readonly ci: ClientInsuranceClient) {}

  @Get('policies/:policyId/authorizations')
  @Audit({ resource: 'authorization', action: 'list' })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Param('policyId', UuidParam) policyId: string) {
    return this.ci.send('client-insurance.authorization.list', { practiceId, policyId }, rpc);
  }

  @Post('policies/:policyId/authorizations')
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'authorization', action: 'create' })
  @ApiOperation({
    summary:
      'Record a prior authorization (at most one active per policy and date); answers with its warnings',
  })
  create(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('policyId', UuidParam) policyId: string,
    @Body() body: CreateAuthorizationBody,
  ) {
    return this.ci.send('client-insurance.authorization.create', { ...body, practiceId, policyId }, rpc);
  }

  @Get('authorizations/:authorizationId')
  @Audit({ resource: 'authorization', action: 'read', idParam: 'authorizationId' })
  get(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('authorizationId', UuidParam) authorizationId: string,
  ) {
    return this.ci.send('client-insurance.authorization.get', { practiceId, authorizationId }, rpc);
  }

  @Patch('authorizations/:authorizationId')
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'authorization', action: 'update', idParam: 'authorizationId' })
  @ApiOperation({ summary: 'Change an authorization; send the `version` you read (409 if it moved on)' })
  update(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('authorizationId', UuidParam) authorizationId: string,
    @Body() body: UpdateAuthorizationBody,
  ) {
    return this.ci.send(
      'client-insurance.authorization.update',
      { ...body, practiceId, authorizationId },
      rpc,
    );
  }
}
