import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateClientBody, UpdateClientBody } from '@claimline/contracts/client-insurance';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { CLIENT_INSURANCE, ClientInsuranceClient } from '../common/rpc';
import { ClientSearchParams, MissingInfoManyBody } from './clients.http';
import { CLIENT_EDITOR_ROLES } from './roles';

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
  list(
    @Param('practiceId', UuidParam) practiceId: string,
    @Query() query: ClientSearchParams,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ci.send('client-insurance.client.list', { ...query, practiceId }, rpc);
  }

  @Post()
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'client', action: 'create' })
  @ApiOperation({ summary: 'Add a client; names as on the insurance card' })
  create(
    @Param('practiceId', UuidParam) practiceId: string,
    @Body() body: CreateClientBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
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
  missingInfoMany(
    @Param('practiceId', UuidParam) practiceId: string,
    @Body() body: MissingInfoManyBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ci.send('client-insurance.missing-info.get-many', { ...body, practiceId }, rpc);
  }

  @Get(':clientId')
  @Audit({ resource: 'client', action: 'read', idParam: 'clientId' })
  get(
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('clientId', UuidParam) clientId: string,
    @Rpc() rpc: RpcCallOptions,
  ) {
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
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('clientId', UuidParam) clientId: string,
    @Body() body: UpdateClientBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ci.send('client-insurance.client.update', { ...body, practiceId, clientId }, rpc);
  }

  @Get(':clientId/missing-info')
  @Audit({ resource: 'client_missing_info', action: 'read', idParam: 'clientId' })
  @ApiOperation({
    summary: 'What is still missing before this client can be billed, with where to fix each item',
  })
  missingInfo(
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('clientId', UuidParam) clientId: string,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ci.send('client-insurance.missing-info.get', { practiceId, clientId }, rpc);
  }
}
