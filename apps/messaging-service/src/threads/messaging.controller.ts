import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  CreateThreadCommand,
  EditMessageCommand,
  ListMessagesQuery,
  ListThreadsQuery,
  MarkReadCommand,
  MessageRefDto,
  MessagingSubjects as S,
  PostMessageCommand,
  PutMessagingPreferenceCommand,
  ThreadRefDto,
  UnreadCountsQuery,
} from '@claimline/contracts/messaging';
import { SERVICE_NAME } from '../config/env';
import { MessagingService } from './messaging.service';

/** Message handlers only: validation happens in the global pipe, rules in the service. */
@Controller()
export class MessagingController {
  constructor(private readonly messaging: MessagingService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.threadCreate)
  createThread(@Caller() actor: Principal, @Payload('data') cmd: CreateThreadCommand) {
    return this.messaging.createThread(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.threadList)
  listThreads(@Caller() actor: Principal, @Payload('data') q: ListThreadsQuery) {
    return this.messaging.listThreads(actor, q);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.threadGet)
  getThread(@Caller() actor: Principal, @Payload('data') ref: ThreadRefDto) {
    return this.messaging.getThread(actor, ref);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.threadMarkRead)
  markRead(@Caller() actor: Principal, @Payload('data') cmd: MarkReadCommand) {
    return this.messaging.markRead(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.messageList)
  listMessages(@Caller() actor: Principal, @Payload('data') q: ListMessagesQuery) {
    return this.messaging.listMessages(actor, q);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.messagePost)
  post(@Caller() actor: Principal, @Payload('data') cmd: PostMessageCommand) {
    return this.messaging.postMessage(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.messageEdit)
  edit(@Caller() actor: Principal, @Payload('data') cmd: EditMessageCommand) {
    return this.messaging.editMessage(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.messageDelete)
  remove(@Caller() actor: Principal, @Payload('data') ref: MessageRefDto) {
    return this.messaging.deleteMessage(actor, ref);
  }

  /** Across the practices the caller sees (each count is scoped in the service). */
  @Authorize({ roles: ROLES })
  @MessagePattern(S.unreadCounts)
  unreadCounts(@Caller() actor: Principal, @Payload('data') q: UnreadCountsQuery) {
    return this.messaging.unreadCounts(actor, q);
  }

  /** The caller's own preference: no practice involved. */
  @Authorize({ roles: ROLES })
  @MessagePattern(S.preferenceGet)
  getPreference(@Caller() actor: Principal) {
    return this.messaging.getPreference(actor);
  }

  @Authorize({ roles: ROLES })
  @MessagePattern(S.preferencePut)
  putPreference(@Caller() actor: Principal, @Payload('data') cmd: PutMessagingPreferenceCommand) {
    return this.messaging.putPreference(actor, cmd);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: SERVICE_NAME };
  }
}
