import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PutMessagingPreferenceBody, UnreadCountsQuery } from '@claimline/contracts/messaging';
import { Audit } from '../audit/audit.decorator';
import { Rpc, type RpcMeta } from '../common/request-meta';
import { MESSAGING, MessagingClient } from '../common/rpc';

/** What concerns the signed-in user across practices: unread counts (the top-bar badge) and their own preference. */
@ApiTags('messaging')
@ApiBearerAuth()
@Controller('messaging')
export class MessagingController {
  constructor(@Inject(MESSAGING) private readonly messaging: MessagingClient) {}

  @Get('unread')
  @Audit({ resource: 'messaging_unread', action: 'read' })
  @ApiOperation({
    summary: 'Your unread messages, in total and per practice you see (`practiceId` narrows it)',
  })
  unread(@Query() query: UnreadCountsQuery, @Rpc() rpc: RpcMeta) {
    return this.messaging.send('messaging.unread.counts', query, rpc);
  }

  @Get('preferences')
  @Audit({ resource: 'messaging_preference', action: 'read' })
  @ApiOperation({
    summary: 'Your delay before an unread message is e-mailed (null: the deployment’s, 2 minutes by default)',
  })
  preference(@Rpc() rpc: RpcMeta) {
    return this.messaging.send('messaging.preference.get', {}, rpc);
  }

  @Put('preferences')
  @Audit({ resource: 'messaging_preference', action: 'update' })
  @ApiOperation({ summary: 'Set your own delay (60 s to 24 h) or null for the deployment’s' })
  putPreference(@Body() body: PutMessagingPreferenceBody, @Rpc() rpc: RpcMeta) {
    return this.messaging.send('messaging.preference.put', body, rpc);
  }
}
