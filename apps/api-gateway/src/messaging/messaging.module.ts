import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { DOCUMENTS, DOCUMENTS_PROVIDERS } from '../documents/documents.rpc';
import { MessageAttachments } from './attachments';
import { MessagingController } from './messaging.controller';
import { MessagingParticipants } from './participants';
import { ThreadsController } from './threads.controller';

/**
 * Secure messaging (messaging-service).
 *
 * Routes (under /api/v1):
 * - `GET /practices/{practiceId}/messaging/participants`
 * - `GET|POST /practices/{practiceId}/threads`, `GET …/threads/{threadId}`, `POST …/threads/{threadId}/read`
 * - `GET|POST …/threads/{threadId}/messages`, `PATCH|DELETE …/threads/{threadId}/messages/{messageId}`
 * - `GET /messaging/unread`, `GET|PUT /messaging/preferences`
 *
 * Roles: every signed-in role; the service shows a thread only to its participants, and a
 * participant is a person of the practice (resolved here from the gateway's users). Every route
 * is audited (threads and messages are PHI).
 */
@Module({
  controllers: [ThreadsController, MessagingController],
  providers: [
    ...RPC_PROVIDERS,
    ...DOCUMENTS_PROVIDERS.filter((p) => p.provide === DOCUMENTS),
    MessagingParticipants,
    MessageAttachments,
  ],
})
export class MessagingModule {}
