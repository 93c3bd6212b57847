import type { EventEnvelope } from '@claimline/contracts/common';
import { EnrollmentsEventTypes, type EnrollmentsEvents } from '@claimline/contracts/enrollments';
import { MessagingEventTypes, type MessagingEvents } from '@claimline/contracts/messaging';
import type { NotificationKind } from '@claimline/contracts/notifications';
import { EntityManager } from 'typeorm';
import { practiceRecipients, Recipient } from '../directory/directory';
import {
  enrollmentStatusContext,
  EnrollmentStatusContext,
  enrollmentStatusTemplate,
  isEmailedEnrollmentChange,
} from './enrollment-status.template';
import { EmailTemplate } from './templates';
import { unreadMessageContext, UnreadMessageContext, unreadMessageTemplate } from './unread-message.template';

/** Who gets an e-mail of a practice: a named rule, so each registry entry says it in one word. */
export type RecipientRule = (
  m: EntityManager,
  practiceId: string,
  event: EventEnvelope<unknown>,
) => Promise<Recipient[]>;

export const RECIPIENTS = {
  /** The practice's owners and the practice e-mail (deduplicated). */
  practiceOwnersAndEmail: (m, practiceId) => practiceRecipients(m, practiceId),
  /** The one person the messaging service names: a participant who has not read a message. */
  messageRecipient: async (_m, _practiceId, event) => [
    {
      email: (event.data as UnreadReminderDue).recipient.email.trim().toLowerCase(),
      sources: ['participant'],
    },
  ],
} satisfies Record<string, RecipientRule>;

type UnreadReminderDue = MessagingEvents['messaging.unread-reminder.due'];

export interface NotificationRule<E, C> {
  /** The preference a recipient switches to opt out. */
  kind: NotificationKind;
  template: EmailTemplate<C>;
  recipients: RecipientRule;
  /** The practice the event is about (whose recipients are asked). */
  practiceId(event: EventEnvelope<E>): string;
  /** Whether this event warrants an e-mail at all (asked before anything is looked up). */
  applies(event: EventEnvelope<E>): boolean;
  /** The template's context: only what the e-mail may show, picked field by field. */
  context(event: EventEnvelope<E>, env: { practiceName: string; consoleUrl: string }): C;
}

/** Declares a rule with its types checked, then forgets them for the table. */
function rule<E, C>(r: NotificationRule<E, C>): NotificationRule<unknown, unknown> {
  return r as unknown as NotificationRule<unknown, unknown>;
}

/**
 * Event type → what to send and to whom. Adding a notification is a template plus one line
 * here (and its kind in the contracts); the consumer of the producing service's stream is
 * created from this table (durable `notifications-<service>`), so a new producer needs nothing more.
 */
export const NOTIFICATION_REGISTRY: Readonly<Record<string, NotificationRule<unknown, unknown>>> = {
  [EnrollmentsEventTypes.statusChanged]: rule<
    EnrollmentsEvents['enrollments.enrollment.status-changed'],
    EnrollmentStatusContext
  >({
    kind: 'enrollment-status',
    template: enrollmentStatusTemplate,
    recipients: RECIPIENTS.practiceOwnersAndEmail,
    practiceId: (e) => e.data.practiceId,
    applies: (e) => isEmailedEnrollmentChange(e.data),
    context: (e, env) => enrollmentStatusContext(e.data, env.practiceName, env.consoleUrl),
  }),
  // The messaging service decides when (the durable unread timer, once per message and recipient,
  // a burst in a thread as one event); this only says it, with a link and nothing else.
  [MessagingEventTypes.unreadReminderDue]: rule<UnreadReminderDue, UnreadMessageContext>({
    kind: 'secure-message',
    template: unreadMessageTemplate,
    recipients: RECIPIENTS.messageRecipient,
    practiceId: (e) => e.data.practiceId,
    applies: () => true,
    context: (e, env) => unreadMessageContext(e.data, env.consoleUrl),
  }),
  // Later, e.g.:
  // [ClaimsEventTypes.statusChanged]: rule({ kind: 'claim-status', template: claimStatusTemplate, recipients: RECIPIENTS.practiceOwnersAndEmail, ... }),
};
