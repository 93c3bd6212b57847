import { Body, Controller, Get, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePracticeDto,
  ListPracticesQuery,
  PracticeView,
  UpdatePracticeBody,
} from '@claimline/contracts/practice-settings';
import { Audit } from '../audit/audit.decorator';
import { ActorService } from '../auth/actor.service';
import { Roles } from '../auth/decorators';
import { Rpc, type RpcMeta } from '../common/request-meta';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices')
export class PracticesController {
  constructor(
    @Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient,
    private readonly actors: ActorService,
  ) {}

  @Get()
  @Audit({ resource: 'practice', action: 'list' })
  @ApiOperation({ summary: 'Practices you may see, paginated; `search` matches the start of the name' })
  list(@Query() query: ListPracticesQuery, @Rpc() rpc: RpcMeta) {
    return this.ps.send('practice-settings.practice.list', query, rpc);
  }

  @Post()
  @Roles('admin', 'billing_staff')
  @Audit({ resource: 'practice', action: 'create' })
  @ApiOperation({ summary: 'Create a practice (billing staff get it assigned to them)' })
  async create(@Body() body: CreatePracticeDto, @Rpc() rpc: RpcMeta): Promise<PracticeView> {
    const practice = await this.ps.send('practice-settings.practice.create', body, rpc);
    if (rpc.actor.role === 'billing_staff') await this.actors.assign(rpc.actor.userId, practice.id);
    return practice;
  }

  @Get(':practiceId')
  @Audit({ resource: 'practice', action: 'read', idParam: 'practiceId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall) {
    return this.ps.send('practice-settings.practice.get', { practiceId }, rpc);
  }

  @Patch(':practiceId')
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'practice', action: 'update', idParam: 'practiceId' })
  @ApiOperation({ summary: 'Change practice details; send the `version` you read (409 if it moved on)' })
  update(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: UpdatePracticeBody) {
    return this.ps.send('practice-settings.practice.update', { ...body, practiceId }, rpc);
  }
}
