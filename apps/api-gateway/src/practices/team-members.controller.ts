import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@claimline/contracts/common';
import { CreateTeamMemberBody, UpdateTeamMemberBody } from '@claimline/contracts/practice-settings';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

@ApiTags('team members')
@ApiBearerAuth()
@Controller('practices/:practiceId/team-members')
export class TeamMembersController {
  constructor(@Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient) {}

  @Get()
  @Audit({ resource: 'team_member', action: 'list' })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() page: PageQueryDto) {
    return this.ps.send('practice-settings.team-member.list', { ...page, practiceId }, rpc);
  }

  @Post()
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'team_member', action: 'create' })
  @ApiOperation({ summary: 'Add a team member; a personal NPI must pass its check digit' })
  create(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: CreateTeamMemberBody) {
    return this.ps.send('practice-settings.team-member.create', { ...body, practiceId }, rpc);
  }

  @Get(':memberId')
  @Audit({ resource: 'team_member', action: 'read', idParam: 'memberId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('memberId', UuidParam) memberId: string) {
    return this.ps.send('practice-settings.team-member.get', { practiceId, memberId }, rpc);
  }

  @Patch(':memberId')
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'team_member', action: 'update', idParam: 'memberId' })
  update(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('memberId', UuidParam) memberId: string,
    @Body() body: UpdateTeamMemberBody,
  ) {
    return this.ps.send('practice-settings.team-member.update', { ...body, practiceId, memberId }, rpc);
  }

  @Delete(':memberId')
  @HttpCode(204)
  @Roles('admin', 'billing_staff', 'practice_owner')
  @Audit({ resource: 'team_member', action: 'delete', idParam: 'memberId' })
  async remove(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('memberId', UuidParam) memberId: string,
  ) {
    await this.ps.send('practice-settings.team-member.remove', { practiceId, memberId }, rpc);
  }
}
