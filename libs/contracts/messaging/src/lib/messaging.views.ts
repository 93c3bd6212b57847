import type { Role } from '@claimline/contracts/common';
import type { AboutType, ParticipantKind, ParticipantSide } from './messaging.subjects';

export interface ParticipantView {
  kind: ParticipantKind;
  /** The user id (kind `user`). */
  id: string;
  side: ParticipantSide;
  role: Role;
  displayName: string;
}

export interface ThreadView {
  id: string;
  practiceId: string;
  subject: string;
  about: { type: AboutType; id: string } | null;
  participants: ParticipantView[];
  createdBy: string;
  /** When the newest message was posted (the thread's creation when it has none). */
  lastMessageAt: string;
  messageCount: number;
  /** Messages of the thread the caller has not read. */
  unread: number;
  version: number;
  createdAt: string;
}

/** A new thread with its first message. */
export interface CreatedThreadView extends ThreadView {
  message: MessageView;
}

export interface MessageView {
  id: string;
  threadId: string;
  practiceId: string;
  senderId: string;
  /** Empty once the message is deleted. */
  text: string;
  attachmentIds: string[];
  createdAt: string;
  /** When its text was last changed (within the edit window), else null: shown as "edited". */
  editedAt: string | null;
  /** When it was deleted, else null: shown as "message deleted", its text and attachments gone. */
  deletedAt: string | null;
  /** Recipients (everyone but the sender) who have read it. */
  readBy: string[];
}

/** A page by cursor: pass `nextCursor` back as `cursor` for the next page; null at the end. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UnreadCountsView {
  /** Unread messages of the caller across the practices they see. */
  total: number;
  /** Per practice, only practices with unread messages. */
  practices: { practiceId: string; unread: number; threads: number }[];
}

export interface MessagingPreferenceView {
  /** The caller's own delay before an unread message is e-mailed, or null for the deployment's. */
  unreadEmailDelaySeconds: number | null;
  /** The delay in force for the caller. */
  effectiveDelaySeconds: number;
}

export interface MarkReadView {
  threadId: string;
  /** How many messages this call marked read. */
  marked: number;
  unread: number;
}
