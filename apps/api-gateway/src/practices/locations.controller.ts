import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@claimline/contracts/common';
import { CreateLocationBody, UpdateLocationBody } from '@claimline/contracts/practice-settings';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

@ApiTags('locations')
@ApiBearerAuth()
@Controller('practices/:practiceId/locations')
export class LocationsController {
  constructor(@Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient) {}

  @Get()
  @Audit({ resource: 'location', action: 'list' })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() page: PageQueryDto) {
    return this.ps.send('practice-settings.location.list', { ...page, practiceId }, rpc);
  }

  @Post()
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'location', action: 'create' })
  @ApiOperation({
    summary:
      'Add an office location: a street address and its default place of service (11 office, 02 / 10 telehealth)',
  })
  create(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: CreateLocationBody) {
    return this.ps.send('practice-settings.location.create', { ...body, practiceId }, rpc);
  }

  @Get(':locationId')
  @Audit({ resource: 'location', action: 'read', idParam: 'locationId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('locationId', UuidParam) locationId: string) {
    return this.ps.send('practice-settings.location.get', { practiceId, locationId }, rpc);
  }

  @Patch(':locationId')
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'location', action: 'update', idParam: 'locationId' })
  @ApiOperation({ summary: 'Change a location; send the `version` you read (409 if it moved on)' })
  update(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('locationId', UuidParam) locationId: string,
    @Body() body: UpdateLocationBody,
  ) {
    return this.ps.send('practice-settings.location.update', { ...body, practiceId, locationId }, rpc);
  }

  @Delete(':locationId')
  @HttpCode(204)
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'location', action: 'delete', idParam: 'locationId' })
  async remove(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('locationId', UuidParam) locationId: string,
  ) {
    await this.ps.send('practice-settings.location.remove', { practiceId, locationId }, rpc);
  }
}
