import { MessagingEventTypes, type RealtimeServerFrame } from '@claimline/contracts/messaging';

/** What one messaging event pushes: a frame to some users' sockets, and whose unread counts changed. */
export interface Push {
  practiceId: string;
  frame: RealtimeServerFrame;
  /** Users whose sockets get the frame (each only while their actor still sees the practice). */
  to: string[];
  /** Users whose unread counts changed: each gets an `unread` frame with their own counts. */
  countsFor: string[];
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const ids = (v: unknown): string[] | null => (Array.isArray(v) && v.every(isId) ? v : null);

/**
 * The push of a messaging event (`messaging.*`), or null for an event that pushes nothing or a
 * payload that is not the contract's. Only the event's own participants are addressed: a socket
 * never asks for a thread, so guessing a thread id gets nothing.
 */
export function pushOf(type: string, data: unknown): Push | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (!isId(d['practiceId']) || !isId(d['threadId'])) return null;
  const practiceId = d['practiceId'];
  const threadId = d['threadId'];
  switch (type) {
    case MessagingEventTypes.threadCreated: {
      const participants = ids(d['participantIds']);
      if (!participants) return null;
      return {
        practiceId,
        frame: { type: 'thread.created', practiceId, threadId },
        to: participants,
        countsFor: participants,
      };
    }
    case MessagingEventTypes.messagePosted: {
      const recipients = ids(d['recipientIds']);
      const { messageId, senderId, createdAt } = d;
      if (!recipients || !isId(messageId) || !isId(senderId) || typeof createdAt !== 'string') return null;
      return {
        practiceId,
        frame: { type: 'message.posted', practiceId, threadId, messageId, senderId, createdAt },
        to: [...new Set([senderId, ...recipients])],
        countsFor: recipients,
      };
    }
    case MessagingEventTypes.messageEdited:
    case MessagingEventTypes.messageDeleted: {
      const participants = ids(d['participantIds']);
      const { messageId } = d;
      if (!participants || !isId(messageId)) return null;
      const deleted = type === MessagingEventTypes.messageDeleted;
      return {
        practiceId,
        frame: { type: deleted ? 'message.deleted' : 'message.edited', practiceId, threadId, messageId },
        to: participants,
        // A deleted message no longer counts as unread.
        countsFor: deleted ? participants : [],
      };
    }
    case MessagingEventTypes.threadRead: {
      const participants = ids(d['participantIds']);
      const messageIds = ids(d['messageIds']);
      const { userId } = d;
      if (!participants || !messageIds || !isId(userId)) return null;
      return {
        practiceId,
        frame: { type: 'thread.read', practiceId, threadId, userId, messageIds },
        to: [...new Set([userId, ...participants])],
        countsFor: [userId],
      };
    }
    default:
      return null;
  }
}
