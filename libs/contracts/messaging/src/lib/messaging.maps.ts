import type {
  CreateThreadCommand,
  ListThreadsQuery,
  MarkReadCommand,
  ThreadRefDto,
  UnreadCountsQuery,
} from './dto/thread.dto';
import type {
  EditMessageCommand,
  ListMessagesQuery,
  MessageRefDto,
  PostMessageCommand,
} from './dto/message.dto';
import type { PutMessagingPreferenceCommand } from './dto/preference.dto';
import type {
  CreatedThreadView,
  CursorPage,
  MarkReadView,
  MessageView,
  MessagingPreferenceView,
  ThreadView,
  UnreadCountsView,
} from './messaging.views';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface MessagingRpc {
  'messaging.thread.create': {
    request: CreateThreadCommand;
    response: CreatedThreadView;
  };
  'messaging.thread.list': { request: ListThreadsQuery; response: CursorPage<ThreadView> };
  'messaging.thread.get': { request: ThreadRefDto; response: ThreadView };
  'messaging.thread.mark-read': { request: MarkReadCommand; response: MarkReadView };
  'messaging.message.list': { request: ListMessagesQuery; response: CursorPage<MessageView> };
  'messaging.message.post': { request: PostMessageCommand; response: MessageView };
  'messaging.message.edit': { request: EditMessageCommand; response: MessageView };
  'messaging.message.delete': { request: MessageRefDto; response: MessageView };
  'messaging.unread.counts': { request: UnreadCountsQuery; response: UnreadCountsView };
  'messaging.preference.get': { request: Record<string, never>; response: MessagingPreferenceView };
  'messaging.preference.put': { request: PutMessagingPreferenceCommand; response: MessagingPreferenceView };
  'messaging.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}
