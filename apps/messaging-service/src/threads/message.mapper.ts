import type { MessageView, ParticipantView, ThreadView } from '@claimline/contracts/messaging';
import { MessageEntity } from './entities/message.entity';
import { ParticipantEntity } from './entities/participant.entity';
import { ThreadEntity } from './entities/thread.entity';

/** The participant as others see them: never their address. */
export function participantView(p: ParticipantEntity): ParticipantView {
  return { kind: p.kind, id: p.participantId, side: p.side, role: p.role, displayName: p.displayName };
}

export function threadView(t: ThreadEntity, participants: ParticipantEntity[], unread: number): ThreadView {
  return {
    id: t.id,
    practiceId: t.practiceId,
    subject: t.subject,
    about: t.aboutType && t.aboutId ? { type: t.aboutType, id: t.aboutId } : null,
    participants: participants.map(participantView),
    createdBy: t.createdBy,
    lastMessageAt: t.lastMessageAt.toISOString(),
    messageCount: t.messageCount,
    unread,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
  };
}

/** A deleted message shows that it was deleted, never what it said. */
export function messageView(msg: MessageEntity, readBy: string[]): MessageView {
  return {
    id: msg.id,
    threadId: msg.threadId,
    practiceId: msg.practiceId,
    senderId: msg.senderId,
    text: msg.deletedAt ? '' : msg.text,
    attachmentIds: msg.deletedAt ? [] : msg.attachmentIds,
    createdAt: msg.createdAt.toISOString(),
    editedAt: msg.editedAt?.toISOString() ?? null,
    deletedAt: msg.deletedAt?.toISOString() ?? null,
    readBy,
  };
}
