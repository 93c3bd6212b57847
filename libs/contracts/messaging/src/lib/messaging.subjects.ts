import type { Role } from '@claimline/contracts/common';

/** Request-reply subjects (`<service>.<entity>.<verb>`), served by messaging-service in queue group `messaging`. */
export const MESSAGING_SERVICE = 'messaging';

export const MessagingSubjects = {
  threadCreate: 'messaging.thread.create',
  threadList: 'messaging.thread.list',
  threadGet: 'messaging.thread.get',
  threadMarkRead: 'messaging.thread.mark-read',
  messageList: 'messaging.message.list',
  messagePost: 'messaging.message.post',
  messageEdit: 'messaging.message.edit',
  messageDelete: 'messaging.message.delete',
  unreadCounts: 'messaging.unread.counts',
  preferenceGet: 'messaging.preference.get',
  preferencePut: 'messaging.preference.put',
  healthPing: 'messaging.health.ping',
} as const;

/** Durable event types (past tense), published on JetStream through the service's outbox. Ids only (ADR 0015). */
export const MessagingEventTypes = {
  threadCreated: 'messaging.thread.created',
  messagePosted: 'messaging.message.posted',
  messageEdited: 'messaging.message.edited',
  messageDeleted: 'messaging.message.deleted',
  threadRead: 'messaging.thread.read',
  unreadReminderDue: 'messaging.unread-reminder.due',
} as const;

/** The longest message text, in characters (UTF-16 code units, as JavaScript counts them). */
export const MESSAGE_MAX_LENGTH = 10_000;
/** The longest thread subject, in characters. */
export const SUBJECT_MAX_LENGTH = 200;
/** Documents attached to one message at most. */
export const MAX_ATTACHMENTS = 10;
/** People in one thread at most (the practice's team and its billing staff fit well within it). */
export const MAX_PARTICIPANTS = 50;
/** The most items a page of threads or messages holds. */
export const MAX_MESSAGING_PAGE = 100;
/** The longest search text. */
export const SEARCH_MAX_LENGTH = 200;

/** What a thread may be about: a record of the same practice, linked by id. */
export const ABOUT_TYPES = ['client', 'claim', 'enrollment', 'appointment'] as const;
export type AboutType = (typeof ABOUT_TYPES)[number];

/**
 * Who can take part in a thread. Today only signed-in users (`user`: the practice's team members
 * and the billing staff assigned to it, admins by invitation); clients and contacts joining
 * through a portal will be kinds of their own (`client`, `contact`) with their own id space.
 */
export const PARTICIPANT_KINDS = ['user'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The two sides of every thread: the practice, and the billing team working for it. */
export const PARTICIPANT_SIDES = ['practice', 'billing'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];

/** The side a user of a role is on. */
export function sideOfRole(role: Role): ParticipantSide {
  return role === 'practice_owner' || role === 'clinician' ? 'practice' : 'billing';
}

/** The deployment's default: e-mail a recipient who has not read a message 2 minutes after it was sent (the seed's rule). */
export const DEFAULT_UNREAD_EMAIL_DELAY_SECONDS = 120;
/** The shortest and longest delay a user may choose as their preference. */
export const MIN_USER_UNREAD_EMAIL_DELAY_SECONDS = 60;
export const MAX_USER_UNREAD_EMAIL_DELAY_SECONDS = 86_400;
