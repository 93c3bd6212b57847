import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@claimline/contracts/common';
import { CreateLocationBody, UpdateLocationBody } from '@claimline/contracts/practice-settings';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';

@ApiTags('locations')
@ApiBearerAuth()
@Controller('practices/:practiceId/locations')
export class LocationsController {
  constructor(@Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient) {}

  @Get()
  @Audit({ resource: 'location', action: 'list' })
  list(
    @Param('practiceId', UuidParam) practiceId: string,
    @Query() page: PageQueryDto,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ps.send('practice-settings.location.list', { ...page, practiceId }, rpc);
  }

  @Post()
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'location', action: 'create' })
  @ApiOperation({
    summary:
      'Add an office location: a street address and its default place of service (11 office, 02 / 10 telehealth)',
  })
  create(
    @Param('practiceId', UuidParam) practiceId: string,
    @Body() body: CreateLocationBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ps.send('practice-settings.location.create', { ...body, practiceId }, rpc);
  }

  @Get(':locationId')
  @Audit({ resource: 'location', action: 'read', idParam: 'locationId' })
  get(
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('locationId', UuidParam) locationId: string,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ps.send('practice-settings.location.get', { practiceId, locationId }, rpc);
  }

  @Patch(':locationId')
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'location', action: 'update', idParam: 'locationId' })
  @ApiOperation({ summary: 'Change a location; send the `version` you read (409 if it moved on)' })
  update(
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('locationId', UuidParam) locationId: string,
    @Body() body: UpdateLocationBody,
    @Rpc() rpc: RpcCallOptions,
  ) {
    return this.ps.send('practice-settings.location.update', { ...body, practiceId, locationId }, rpc);
  }

  @Delete(':locationId')
  @HttpCode(204)
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'location', action: 'delete', idParam: 'locationId' })
  async remove(
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('locationId', UuidParam) locationId: string,
    @Rpc() rpc: RpcCallOptions,
  ) {
    await this.ps.send('practice-settings.location.remove', { practiceId, locationId }, rpc);
  }
}
