/** Ids only (ADR 0015): a consumer asks the service for text, subjects and names. */
export interface ThreadCreatedEvent {
  practiceId: string;
  threadId: string;
  participantIds: string[];
}

export interface MessagePostedEvent {
  practiceId: string;
  threadId: string;
  messageId: string;
  senderId: string;
  /** Every participant but the sender. */
  recipientIds: string[];
  createdAt: string;
}

export interface MessageChangedEvent {
  practiceId: string;
  threadId: string;
  messageId: string;
  participantIds: string[];
}

export interface ThreadReadEvent {
  practiceId: string;
  threadId: string;
  userId: string;
  messageIds: string[];
  participantIds: string[];
}

/**
 * A recipient has not read one or more messages of a thread within their delay: the
 * notifications service e-mails them once ("You have a new secure message" and a link). The
 * address is a user's sign-in address (staff or a practice's team member), never a client's.
 */
export interface UnreadReminderDueEvent {
  practiceId: string;
  threadId: string;
  recipient: { userId: string; email: string };
  messageIds: string[];
}

export interface MessagingEvents {
  'messaging.thread.created': ThreadCreatedEvent;
  'messaging.message.posted': MessagePostedEvent;
  'messaging.message.edited': MessageChangedEvent;
  'messaging.message.deleted': MessageChangedEvent;
  'messaging.thread.read': ThreadReadEvent;
  'messaging.unread-reminder.due': UnreadReminderDueEvent;
}
