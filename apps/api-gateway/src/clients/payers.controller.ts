import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePayerCommand,
  SearchPayersQuery,
  UpdatePayerBody,
} from '@claimline/contracts/client-insurance';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { CLIENT_INSURANCE, ClientInsuranceClient } from '../common/rpc';
import { PAYER_EDITORS } from './roles';

/** The payer directory shared by every practice: no PHI, so reads are not audited; changes are. */
@ApiTags('payers')
@ApiBearerAuth()
@Controller('payers')
export class PayersController {
  constructor(@Inject(CLIENT_INSURANCE) private readonly ci: ClientInsuranceClient) {}

  @Get()
  @ApiOperation({
    summary:
      'Search by name, alias or payer ID (start of a word); with `state`, payers local to it first and other states’ local plans left out',
  })
  search(@Query() query: SearchPayersQuery, @Rpc() rpc: RpcCallOptions) {
    return this.ci.send('client-insurance.payer.search', query, rpc);
  }

  @Get(':payerId')
  get(@Param('payerId', UuidParam) payerId: string, @Rpc() rpc: RpcCallOptions) {
    return this.ci.send('client-insurance.payer.get', { payerId }, rpc);
  }

  @Post()
  @Roles(...PAYER_EDITORS)
  @Audit({ resource: 'payer', action: 'create' })
  @ApiOperation({ summary: 'Add a payer to the shared directory (admins and billing staff)' })
  create(@Body() body: CreatePayerCommand, @Rpc() rpc: RpcCallOptions) {
    return this.ci.send('client-insurance.payer.create', body, rpc);
  }

  @Patch(':payerId')
  @Roles(...PAYER_EDITORS)
  @Audit({ resource: 'payer', action: 'update', idParam: 'payerId' })
  @ApiOperation({ summary: 'Change a payer; send the `version` you read (409 if it moved on)' })
  update(
    @Param('payerId', UuidParam) payerId: string,
    @Body() body: UpdatePayerBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ci.send('client-insurance.payer.update', { ...body, payerId }, rpc);
  }
}
