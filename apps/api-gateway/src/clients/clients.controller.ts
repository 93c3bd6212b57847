import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateClientBody, UpdateClientBody } from '@claimline/contracts/client-insurance';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { CLIENT_INSURANCE, ClientInsuranceClient } from '../common/rpc';
import { ClientSearchParams, MissingInfoManyBody } from './clients.http';
import { CLIENT_EDITOR_ROLES } from './roles';
import { InPractice, type PracticeCall } from '../common/in-practice';

/** Clients of a practice (PHI: every read and change is audited). */
@ApiTags('clients')
@ApiBearerAuth()
@Controller('practices/:practiceId/clients')
export class ClientsController {
  constructor(@Inject(CLIENT_INSURANCE) private readonly ci: ClientInsuranceClient) {}

  @Get()
  @Audit({ resource: 'client', action: 'list' })
  @ApiOperation({
    summary:
      'Clients of the practice, paginated; `search` matches the start of the first or last name ("ada lov" both), `birthDate` exactly',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ClientSearchParams) {
    return this.ci.send('client-insurance.client.list', { ...query, practiceId }, rpc);
  }

  @Post()
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'client', action: 'create' })
  @ApiOperation({ summary: 'Add a client; names as on the insurance card' })
  create(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: CreateClientBody) {
    return this.ci.send('client-insurance.client.create', { ...body, practiceId }, rpc);
  }

  /** A query with a body (up to 1,000 ids do not fit a URL): answers 200, changes nothing. */
  @Post('missing-info')
  @HttpCode(200)
  @Audit({ resource: 'client_missing_info', action: 'list' })
  @ApiOperation({
    summary:
      'Missing billing information for up to 1,000 clients; ids that are not clients of this practice come back in `notFound`',
  })
  missingInfoMany(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: MissingInfoManyBody) {
    return this.ci.send('client-insurance.missing-info.get-many', { ...body, practiceId }, rpc);
  }

  @Get(':clientId')
  @Audit({ resource: 'client', action: 'read', idParam: 'clientId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('clientId', UuidParam) clientId: string) {
    return this.ci.send('client-insurance.client.get', { practiceId, clientId }, rpc);
  }

  @Patch(':clientId')
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'client', action: 'update', idParam: 'clientId' })
  @ApiOperation({
    summary:
      'Change client details (null clears an optional field); send the `version` you read (409 if it moved on)',
  })
  update(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('clientId', UuidParam) clientId: string,
    @Body() body: UpdateClientBody,
  ) {
    return this.ci.send('client-insurance.client.update', { ...body, practiceId, clientId }, rpc);
  }

  @Get(':clientId/missing-info')
  @Audit({ resource: 'client_missing_info', action: 'read', idParam: 'clientId' })
  @ApiOperation({
    summary: 'What is still missing before this client can be billed, with where to fix each item',
  })
  missingInfo(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('clientId', UuidParam) clientId: string,
  ) {
    return this.ci.send('client-insurance.missing-info.get', { practiceId, clientId }, rpc);
  }
}
