import { EntityManager, In, IsNull } from 'typeorm';
import type { MessagingEvents } from '@claimline/contracts/messaging';
import { MessagingEventTypes } from '@claimline/contracts/messaging';
import { Outbox } from '@claimline/backend/util-nats';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { memberMessagingOn, practiceMessagingOn } from '../directory/directory';
import { MessageEntity } from '../threads/entities/message.entity';
import { ParticipantEntity } from '../threads/entities/participant.entity';
import { ReceiptEntity } from '../threads/entities/receipt.entity';
import { UnreadEmailEntity, UnreadEmailOutcome } from './entities/unread-email.entity';

export interface ClaimedPair {
  thread_id: string;
  recipient_id: string;
  practice_id: string;
  side: 'practice' | 'billing';
  email: string;
}

export interface RoundResult {
  /** (thread, recipient) pairs this round handled. */
  pairs: number;
  /** Reminder events written (one per pair with unread messages). */
  reminders: number;
}

/**
 * One round of the unread e-mail schedule, in the caller's transaction (ADR 0020):
 *
 * 1. Claim: the (thread, recipient) pairs with a due timer, by locking the pair's participant row
 *    `FOR UPDATE SKIP LOCKED` — another replica's round skips a pair this one holds, so each pair
 *    is handled by one replica at a time, and a crash before commit leaves the timers as they were.
 * 2. For each pair, every pending timer of it (due or not yet: a burst in one thread is one
 *    e-mail) is closed: `emailed` if its message is still unread and not deleted, `read` or
 *    `deleted` otherwise, `off` when Secure Messaging is off for the practice or the recipient.
 * 3. One `messaging.unread-reminder.due` event per pair with unread messages, through the outbox,
 *    in the same transaction as closing the timers: the notifications service e-mails it once.
 */
export async function runUnreadEmailRound(
  m: EntityManager,
  outbox: Outbox<MessagingEvents>,
  batchSize: number,
): Promise<RoundResult> {
  const timers = tableOf(m, UnreadEmailEntity);
  const claimed = await rawSql<ClaimedPair>(
    m,
    'claim',
    `WITH due AS (
       SELECT DISTINCT thread_id, recipient_id FROM ${timers}
        WHERE done_at IS NULL AND due_at <= now()
        LIMIT $1)
     SELECT p.thread_id, p.participant_id AS recipient_id, p.practice_id, p.side, p.email
       FROM ${tableOf(m, ParticipantEntity)} p
       JOIN due ON due.thread_id = p.thread_id AND due.recipient_id = p.participant_id
      WHERE p.kind = 'user'
        FOR UPDATE OF p SKIP LOCKED`,
    [batchSize],
  );
  let reminders = 0;
  for (const pair of claimed) {
    const open = await m.find(UnreadEmailEntity, {
      where: { threadId: pair.thread_id, recipientId: pair.recipient_id, doneAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (open.length === 0) continue;
    const messageIds = open.map((t) => t.messageId);
    const messages = await m.findBy(MessageEntity, { id: In(messageIds) });
    const receipts = await m.findBy(ReceiptEntity, {
      messageId: In(messageIds),
      recipientId: pair.recipient_id,
    });
    const deleted = new Set(messages.filter((x) => x.deletedAt).map((x) => x.id));
    const unreadIds = new Set(receipts.filter((r) => r.readAt === null).map((r) => r.messageId));
    const on =
      (await practiceMessagingOn(m, pair.practice_id)) &&
      (pair.side === 'billing' || (await memberMessagingOn(m, pair.practice_id, pair.email)));
    const outcomeOf = (id: string): UnreadEmailOutcome =>
      deleted.has(id) ? 'deleted' : !unreadIds.has(id) ? 'read' : on ? 'emailed' : 'off';
    const emailed = messageIds.filter((id) => outcomeOf(id) === 'emailed');
    let eventId: string | null = null;
    if (emailed.length > 0) {
      [eventId] = await outbox.add(m, null, {
        type: MessagingEventTypes.unreadReminderDue,
        aggregateId: pair.thread_id,
        practiceId: pair.practice_id,
        data: {
          practiceId: pair.practice_id,
          threadId: pair.thread_id,
          recipient: { userId: pair.recipient_id, email: pair.email },
          messageIds: emailed,
        },
      });
      reminders++;
    }
    const now = new Date();
    for (const outcome of ['emailed', 'read', 'deleted', 'off'] as const) {
      const ids = messageIds.filter((id) => outcomeOf(id) === outcome);
      if (ids.length === 0) continue;
      await m.update(
        UnreadEmailEntity,
        { messageId: In(ids), recipientId: pair.recipient_id },
        { doneAt: now, outcome, eventId: outcome === 'emailed' ? eventId : null },
      );
    }
  }
  return { pairs: claimed.length, reminders };
}
