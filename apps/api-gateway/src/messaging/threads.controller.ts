import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { canSeePractice } from '@claimline/contracts/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateThreadBody,
  EditMessageBody,
  ListMessagesParams,
  ListThreadsParams,
  MarkReadBody,
  MessageBody,
} from '@claimline/contracts/messaging';
import { Audit } from '../audit/audit.decorator';
import { UuidParam } from '../common/params';
import { MESSAGING, MessagingClient, PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';
import { MessageAttachments } from './attachments';
import { MessagingParticipants } from './participants';

/** The gateway's own reads of its users answer another practice like the services do: 404. */
function inScope(practiceId: string, rpc: PracticeCall['rpc']): void {
  if (!canSeePractice(rpc.actor, practiceId)) throw new NotFoundException('No record has this id');
}

/**
 * Secure messaging of a practice (messaging-service). Threads and messages are PHI: every route
 * is audited, every read of a thread or its messages included. A thread of another practice, or
 * one the caller is not in, answers 404.
 */
@ApiTags('messaging')
@ApiBearerAuth()
@Controller('practices/:practiceId')
export class ThreadsController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingClient,
    @Inject(PRACTICE_SETTINGS) private readonly practices: PracticeSettingsClient,
    private readonly participants: MessagingParticipants,
    private readonly attachments: MessageAttachments,
  ) {}

  @Get('messaging/participants')
  @Audit({ resource: 'message_thread', action: 'list' })
  @ApiOperation({
    summary: 'The people one can start a thread with: the practice’s team and its billing staff',
  })
  async people(@InPractice() { practiceId, rpc }: PracticeCall) {
    // The practice's own service answers scope and existence (404) before the gateway reads its users.
    await this.practices.send('practice-settings.practice.get', { practiceId }, rpc);
    return this.participants.list(practiceId);
  }

  @Get('threads')
  @Audit({ resource: 'message_thread', action: 'list' })
  @ApiOperation({
    summary:
      'The caller’s threads of the practice, newest activity first, each with its unread count; `search` (subject and messages), `aboutType`/`aboutId`, `unreadOnly` filter; `cursor` pages',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ListThreadsParams) {
    return this.messaging.send('messaging.thread.list', { ...query, practiceId }, rpc);
  }

  @Post('threads')
  @Audit({ resource: 'message_thread', action: 'create' })
  @ApiOperation({
    summary:
      'Start a thread with its first message; the caller is always in it. 409 while Secure Messaging is off for the practice or the caller; 422 names a participant who is not of the practice or has it off',
  })
  async create(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: CreateThreadBody) {
    inScope(practiceId, rpc);
    const participants = await this.participants.resolve(
      practiceId,
      rpc.actor.userId,
      body.participantUserIds,
    );
    await this.attachments.check(practiceId, body.attachmentIds, rpc);
    return this.messaging.send(
      'messaging.thread.create',
      {
        practiceId,
        subject: body.subject,
        about: body.about,
        participants,
        message: { text: body.text, attachmentIds: body.attachmentIds },
      },
      rpc,
    );
  }

  @Get('threads/:threadId')
  @Audit({ resource: 'message_thread', action: 'read', idParam: 'threadId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('threadId', UuidParam) threadId: string) {
    return this.messaging.send('messaging.thread.get', { practiceId, threadId }, rpc);
  }

  @Get('threads/:threadId/messages')
  @Audit({ resource: 'message_thread', action: 'read', idParam: 'threadId' })
  @ApiOperation({
    summary:
      'Messages of the thread, newest first (`cursor` pages back), or those after a last-seen message (`after`, oldest first) to catch up',
  })
  messages(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('threadId', UuidParam) threadId: string,
    @Query() query: ListMessagesParams,
  ) {
    return this.messaging.send('messaging.message.list', { ...query, practiceId, threadId }, rpc);
  }

  @Post('threads/:threadId/messages')
  @Audit({ resource: 'message', action: 'create' })
  @ApiOperation({
    summary: 'Reply in the thread (text up to 10,000 characters, up to 10 attached documents)',
  })
  async post(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('threadId', UuidParam) threadId: string,
    @Body() body: MessageBody,
  ) {
    await this.attachments.check(practiceId, body.attachmentIds, rpc);
    return this.messaging.send('messaging.message.post', { ...body, practiceId, threadId }, rpc);
  }

  @Patch('threads/:threadId/messages/:messageId')
  @Audit({ resource: 'message', action: 'update', idParam: 'messageId' })
  @ApiOperation({
    summary: 'Change the text of your own message within the edit window (409 after it); shown as edited',
  })
  edit(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('threadId', UuidParam) threadId: string,
    @Param('messageId', UuidParam) messageId: string,
    @Body() body: EditMessageBody,
  ) {
    return this.messaging.send('messaging.message.edit', { ...body, practiceId, threadId, messageId }, rpc);
  }

  @Delete('threads/:threadId/messages/:messageId')
  @Audit({ resource: 'message', action: 'delete', idParam: 'messageId' })
  @ApiOperation({
    summary: 'Delete your own message: it stays in the thread as "deleted", without its text and attachments',
  })
  remove(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('threadId', UuidParam) threadId: string,
    @Param('messageId', UuidParam) messageId: string,
  ) {
    return this.messaging.send('messaging.message.delete', { practiceId, threadId, messageId }, rpc);
  }

  @Post('threads/:threadId/read')
  @HttpCode(200)
  @Audit({ resource: 'message_thread', action: 'update', idParam: 'threadId' })
  @ApiOperation({
    summary: 'Mark the thread read (up to `upToMessageId`, default all): read receipts, unread counts',
  })
  markRead(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('threadId', UuidParam) threadId: string,
    @Body() body: MarkReadBody,
  ) {
    return this.messaging.send('messaging.thread.mark-read', { ...body, practiceId, threadId }, rpc);
  }
}
