import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListEmailsQuery } from '@claimline/contracts/notifications';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { Rpc } from '../common/request-meta';
import { NOTIFICATIONS, NotificationsClient } from '../common/rpc';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/emails')
export class AdminEmailsController {
  constructor(@Inject(NOTIFICATIONS) private readonly notifications: NotificationsClient) {}

  @Get()
  @Roles('admin')
  @Audit({ resource: 'email', action: 'list' })
  @ApiOperation({
    summary:
      'The e-mail log (admins only): recipient, subject, status, attempts, last error; newest first, `status` filters, `limit`/`offset` page',
  })
  list(@Query() query: ListEmailsQuery, @Rpc() rpc: RpcCallOptions) {
    return this.notifications.send('notifications.email.list', query, rpc);
  }
}
