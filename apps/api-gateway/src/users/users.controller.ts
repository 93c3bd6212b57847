import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@claimline/contracts/common';
import { Audit } from '../audit/audit.decorator';
import { CurrentActor, Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { AssignPracticesBody, CreateUserBody, ListUsersQuery, UpdateUserBody } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Audit({ resource: 'user', action: 'list' })
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Post()
  @Audit({ resource: 'user', action: 'create' })
  @ApiOperation({
    summary: 'Create a staff member, an admin, or a practice owner or clinician of one practice',
  })
  create(@Body() body: CreateUserBody, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.users.create(actor, body, req.id as string);
  }

  @Patch(':userId')
  @Audit({ resource: 'user', action: 'update', idParam: 'userId' })
  @ApiOperation({
    summary:
      'Rename, change the role (with its practice), deactivate or reset the password of a user; role, deactivation and password changes end every session',
  })
  update(
    @Param('userId', UuidParam) userId: string,
    @Body() body: UpdateUserBody,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ) {
    return this.users.update(actor, userId, body, req.id as string);
  }

  @Put(':userId/practices')
  @Audit({ resource: 'user_practices', action: 'update', idParam: 'userId' })
  @ApiOperation({ summary: 'Set the practices a billing staff member works on' })
  assign(@Param('userId', UuidParam) userId: string, @Body() body: AssignPracticesBody) {
    return this.users.assignPractices(userId, body.practiceIds);
  }
}
