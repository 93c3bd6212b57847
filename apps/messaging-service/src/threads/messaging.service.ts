import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull } from 'typeorm';
import { canSeePractice, type Principal } from '@claimline/contracts/common';
import {
  CreateThreadCommand,
  type CreatedThreadView,
  type CursorPage,
  EditMessageCommand,
  ListMessagesQuery,
  ListThreadsQuery,
  MarkReadCommand,
  type MarkReadView,
  MessageRefDto,
  type MessageView,
  MessagingEventTypes as E,
  type MessagingEvents,
  type MessagingPreferenceView,
  PostMessageCommand,
  PutMessagingPreferenceCommand,
  sideOfRole,
  ThreadRefDto,
  type ThreadView,
  UnreadCountsQuery,
  type UnreadCountsView,
} from '@claimline/contracts/messaging';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { MessagingEnv, SCHEMA } from '../config/env';
import { memberMessagingOn, practiceMessagingOn } from '../directory/directory';
import { UserPreferenceEntity } from '../preferences/entities/user-preference.entity';
import { UnreadEmailEntity } from '../unread/entities/unread-email.entity';
import { encodeCursor, messageCursor, threadCursor } from './cursor';
import { MessageEntity } from './entities/message.entity';
import { ParticipantEntity } from './entities/participant.entity';
import { ReceiptEntity } from './entities/receipt.entity';
import { ThreadEntity } from './entities/thread.entity';
import { messageView, threadView } from './message.mapper';

const DEFAULT_PAGE = 30;

/** Only people take part in threads; a service has no inbox. */
function userOf(actor: Principal): string {
  if (actor.kind !== 'user') throw RpcError.forbidden('Only people take part in secure messaging');
  return actor.userId;
}

@Injectable()
export class MessagingService {
  private readonly outbox = new Outbox<MessagingEvents>(SCHEMA);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: MessagingEnv,
  ) {}

  async createThread(actor: Principal, cmd: CreateThreadCommand): Promise<CreatedThreadView> {
    const me = userOf(actor);
    const ids = cmd.participants.map((p) => p.id);
    if (!ids.includes(me)) {
      throw RpcError.field('participants', 'includes_caller', 'participants must include the caller');
    }
    if (new Set(ids).size !== ids.length) {
      throw RpcError.field('participantUserIds', 'unique', 'participantUserIds must name each person once');
    }
    return this.db.transaction(async (m) => {
      await this.assertPracticeOn(m, cmd.practiceId);
      const off: string[] = [];
      for (const p of cmd.participants) {
        if (sideOfRole(p.role) === 'practice' && !(await memberMessagingOn(m, cmd.practiceId, p.email))) {
          off.push(p.displayName);
        }
      }
      if (off.length > 0) {
        throw RpcError.field(
          'participantUserIds',
          'secure_messaging_off',
          `Secure Messaging is off for ${off.join(', ')}: each team member switches it on in their settings`,
        );
      }
      const now = new Date();
      const thread = await m.save(
        m.create(ThreadEntity, {
          id: randomUUID(),
          practiceId: cmd.practiceId,
          subject: cmd.subject,
          aboutType: cmd.about?.type ?? null,
          aboutId: cmd.about?.id ?? null,
          createdBy: me,
          lastMessageAt: now,
          messageCount: 0,
        }),
      );
      const participants = cmd.participants.map((p) =>
        m.create(ParticipantEntity, {
          threadId: thread.id,
          kind: p.kind,
          participantId: p.id,
          practiceId: cmd.practiceId,
          side: sideOfRole(p.role),
          role: p.role,
          email: p.email.trim().toLowerCase(),
          displayName: p.displayName,
          joinedAt: now,
        }),
      );
      await m.insert(ParticipantEntity, participants);
      await this.outbox.add(m, actor, {
        type: E.threadCreated,
        aggregateId: thread.id,
        practiceId: cmd.practiceId,
        data: { practiceId: cmd.practiceId, threadId: thread.id, participantIds: ids },
      });
      const message = await this.insertMessage(m, actor, thread, participants, cmd.message);
      const fresh = await m.findOneByOrFail(ThreadEntity, { id: thread.id });
      return { ...threadView(fresh, participants, 0), message };
    });
  }

  async listThreads(actor: Principal, q: ListThreadsQuery): Promise<CursorPage<ThreadView>> {
    const me = userOf(actor);
    const m = this.db.manager;
    const limit = q.limit ?? DEFAULT_PAGE;
    const qb = m
      .createQueryBuilder(ThreadEntity, 't')
      .innerJoin(
        ParticipantEntity,
        'p',
        "p.threadId = t.id AND p.kind = 'user' AND p.participantId = :me AND p.practiceId = t.practiceId",
        { me },
      )
      .where('t.practiceId = :practiceId', { practiceId: q.practiceId });
    if (q.aboutType) qb.andWhere('t.aboutType = :aboutType', { aboutType: q.aboutType });
    if (q.aboutId) qb.andWhere('t.aboutId = :aboutId', { aboutId: q.aboutId });
    if (q.search) {
      // Set-based: the generated tsvector columns are not mapped; the thread's subject or any
      // message still shown (not deleted) matches.
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`t.search @@ websearch_to_tsquery('english', :search)`)
            .orWhere(
              `EXISTS (SELECT 1 FROM ${tableOf(m, MessageEntity)} sm WHERE sm.thread_id = t.id AND sm.deleted_at IS NULL AND sm.search @@ websearch_to_tsquery('english', :search))`,
            ),
        ),
        { search: q.search },
      );
    }
    if (q.unreadOnly) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ${tableOf(m, ReceiptEntity)} ur WHERE ur.thread_id = t.id AND ur.recipient_id = :me AND ur.read_at IS NULL)`,
      );
    }
    if (q.cursor) {
      const c = threadCursor(q.cursor);
      qb.andWhere('(t.lastMessageAt, t.id) < (:at, :id)', { at: c.at, id: c.id });
    }
    const rows = await qb
      .orderBy('t.lastMessageAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const items = await this.threadViews(m, me, page);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.lastMessageAt.toISOString(), last.id]) : null,
    };
  }

  async getThread(actor: Principal, ref: ThreadRefDto): Promise<ThreadView> {
    const me = userOf(actor);
    const { thread } = await this.visibleThread(this.db.manager, me, ref);
    const [view] = await this.threadViews(this.db.manager, me, [thread]);
    return view;
  }

  async listMessages(actor: Principal, q: ListMessagesQuery): Promise<CursorPage<MessageView>> {
    const me = userOf(actor);
    const m = this.db.manager;
    await this.visibleThread(m, me, q);
    const limit = q.limit ?? DEFAULT_PAGE;
    const qb = m
      .createQueryBuilder(MessageEntity, 'msg')
      .where('msg.threadId = :threadId', { threadId: q.threadId });
    if (q.after) {
      // Catch-up: what was posted after the last message a client saw, oldest first.
      const seen = await m.findOneBy(MessageEntity, { id: q.after, threadId: q.threadId });
      if (!seen) throw RpcError.field('after', 'exists', 'after must be a message of this thread');
      qb.andWhere('msg.seq > :seq', { seq: seen.seq }).orderBy('msg.seq', 'ASC');
    } else {
      if (q.cursor) qb.andWhere('msg.seq < :seq', { seq: messageCursor(q.cursor) });
      qb.orderBy('msg.seq', 'DESC');
    }
    const rows = await qb.take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const readBy = await this.readers(
      m,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => messageView(r, readBy.get(r.id) ?? [])),
      nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null,
    };
  }

  async postMessage(actor: Principal, cmd: PostMessageCommand): Promise<MessageView> {
    const me = userOf(actor);
    return this.db.transaction(async (m) => {
      const { thread, participants } = await this.visibleThread(m, me, cmd, true);
      return this.insertMessage(m, actor, thread, participants, cmd);
    });
  }

  async editMessage(actor: Principal, cmd: EditMessageCommand): Promise<MessageView> {
    const me = userOf(actor);
    return this.db.transaction(async (m) => {
      const { participants } = await this.visibleThread(m, me, cmd);
      const msg = await this.ownMessage(m, me, cmd);
      const until = msg.createdAt.getTime() + this.env.MESSAGE_EDIT_WINDOW_SECONDS * 1000;
      if (Date.now() > until) {
        throw RpcError.conflict(
          `A message can be edited for ${Math.round(this.env.MESSAGE_EDIT_WINDOW_SECONDS / 60)} minutes after it was sent; post a new one instead`,
        );
      }
      msg.text = cmd.text;
      msg.editedAt = new Date();
      await m.save(msg);
      await this.outbox.add(m, actor, {
        type: E.messageEdited,
        aggregateId: cmd.threadId,
        practiceId: cmd.practiceId,
        data: this.changed(cmd, participants),
      });
      return messageView(msg, (await this.readers(m, [msg.id])).get(msg.id) ?? []);
    });
  }

  async deleteMessage(actor: Principal, cmd: MessageRefDto): Promise<MessageView> {
    const me = userOf(actor);
    return this.db.transaction(async (m) => {
      const { participants } = await this.visibleThread(m, me, cmd);
      const msg = await this.ownMessage(m, me, cmd);
      msg.deletedAt = new Date();
      msg.text = '';
      msg.attachmentIds = [];
      await m.save(msg);
      // Nothing left to read or to be reminded of.
      await m.delete(ReceiptEntity, { messageId: msg.id, readAt: IsNull() });
      await m.update(
        UnreadEmailEntity,
        { messageId: msg.id, doneAt: IsNull() },
        { doneAt: new Date(), outcome: 'deleted' },
      );
      await this.outbox.add(m, actor, {
        type: E.messageDeleted,
        aggregateId: cmd.threadId,
        practiceId: cmd.practiceId,
        data: this.changed(cmd, participants),
      });
      return messageView(msg, (await this.readers(m, [msg.id])).get(msg.id) ?? []);
    });
  }

  async markRead(actor: Principal, cmd: MarkReadCommand): Promise<MarkReadView> {
    const me = userOf(actor);
    return this.db.transaction(async (m) => {
      const { participants } = await this.visibleThread(m, me, cmd);
      let upTo: string | null = null;
      if (cmd.upToMessageId) {
        const msg = await m.findOneBy(MessageEntity, { id: cmd.upToMessageId, threadId: cmd.threadId });
        if (!msg)
          throw RpcError.field('upToMessageId', 'exists', 'upToMessageId must be a message of this thread');
        upTo = msg.seq;
      }
      // Set-based: one UPDATE … FROM over the recipient's unread receipts up to a message.
      const marked = await rawSql<{ message_id: string }>(
        m,
        'set-based',
        `UPDATE ${tableOf(m, ReceiptEntity)} r SET read_at = now()
           FROM ${tableOf(m, MessageEntity)} msg
          WHERE msg.id = r.message_id AND r.thread_id = $1 AND r.recipient_id = $2 AND r.read_at IS NULL
            AND ($3::bigint IS NULL OR msg.seq <= $3::bigint)
        RETURNING r.message_id`,
        [cmd.threadId, me, upTo],
      );
      const messageIds = marked.map((r) => r.message_id);
      if (messageIds.length > 0) {
        await m.update(
          UnreadEmailEntity,
          { messageId: In(messageIds), recipientId: me, doneAt: IsNull() },
          { doneAt: new Date(), outcome: 'read' },
        );
        await this.outbox.add(m, actor, {
          type: E.threadRead,
          aggregateId: cmd.threadId,
          practiceId: cmd.practiceId,
          data: {
            practiceId: cmd.practiceId,
            threadId: cmd.threadId,
            userId: me,
            messageIds,
            participantIds: participants.map((p) => p.participantId),
          },
        });
      }
      const unread = await m.countBy(ReceiptEntity, {
        threadId: cmd.threadId,
        recipientId: me,
        readAt: IsNull(),
      });
      return { threadId: cmd.threadId, marked: messageIds.length, unread };
    });
  }

  async unreadCounts(actor: Principal, q: UnreadCountsQuery): Promise<UnreadCountsView> {
    const me = userOf(actor);
    if (q.practiceId && !canSeePractice(actor, q.practiceId)) return { total: 0, practices: [] };
    const qb = this.db.manager
      .createQueryBuilder(ReceiptEntity, 'r')
      .select('r.practiceId', 'practiceId')
      .addSelect('COUNT(*)::int', 'unread')
      .addSelect('COUNT(DISTINCT r.thread_id)::int', 'threads')
      .where('r.recipientId = :me AND r.readAt IS NULL', { me })
      .groupBy('r.practiceId');
    if (q.practiceId) qb.andWhere('r.practiceId = :practiceId', { practiceId: q.practiceId });
    // A withdrawn assignment hides the practice's threads even if the user is still in them.
    if (actor.practiceIds !== null) {
      if (actor.practiceIds.length === 0) return { total: 0, practices: [] };
      qb.andWhere('r.practiceId IN (:...scope)', { scope: actor.practiceIds });
    }
    const rows = await qb.getRawMany<{ practiceId: string; unread: number; threads: number }>();
    rows.sort((a, b) => a.practiceId.localeCompare(b.practiceId));
    return { total: rows.reduce((sum, r) => sum + r.unread, 0), practices: rows };
  }

  async getPreference(actor: Principal): Promise<MessagingPreferenceView> {
    const me = userOf(actor);
    const row = await this.db.manager.findOneBy(UserPreferenceEntity, { userId: me });
    return this.preferenceView(row?.unreadEmailDelaySeconds ?? null);
  }

  async putPreference(
    actor: Principal,
    cmd: PutMessagingPreferenceCommand,
  ): Promise<MessagingPreferenceView> {
    const me = userOf(actor);
    await this.db.manager.upsert(
      UserPreferenceEntity,
      { userId: me, unreadEmailDelaySeconds: cmd.unreadEmailDelaySeconds },
      ['userId'],
    );
    return this.preferenceView(cmd.unreadEmailDelaySeconds);
  }

  private preferenceView(own: number | null): MessagingPreferenceView {
    return {
      unreadEmailDelaySeconds: own,
      effectiveDelaySeconds: own ?? this.env.UNREAD_EMAIL_DELAY_SECONDS,
    };
  }

  /**
   * Writes a message, a receipt and an unread e-mail timer per recipient (due after the
   * recipient's delay) and the event, in the caller's transaction: the timers exist exactly when
   * the message does (ADR 0020).
   */
  private async insertMessage(
    m: EntityManager,
    actor: Principal,
    thread: ThreadEntity,
    participants: ParticipantEntity[],
    body: { text: string; attachmentIds?: string[] },
  ): Promise<MessageView> {
    const me = userOf(actor);
    const sender = participants.find((p) => p.participantId === me);
    if (!sender) throw RpcError.notFound('Thread', thread.id);
    await this.assertSenderOn(m, thread.practiceId, sender);
    const now = new Date();
    const msg = m.create(MessageEntity, {
      id: randomUUID(),
      threadId: thread.id,
      practiceId: thread.practiceId,
      senderId: me,
      text: body.text,
      attachmentIds: [...new Set(body.attachmentIds ?? [])],
      createdAt: now,
      editedAt: null,
      deletedAt: null,
    });
    await m.insert(MessageEntity, msg);
    await m
      .createQueryBuilder()
      .update(ThreadEntity)
      .set({ lastMessageAt: now, messageCount: () => 'message_count + 1' })
      .where('id = :id', { id: thread.id })
      .execute();
    const recipients = participants.filter((p) => p.participantId !== me);
    if (recipients.length > 0) {
      const recipientIds = recipients.map((r) => r.participantId);
      const prefs = await m.findBy(UserPreferenceEntity, { userId: In(recipientIds) });
      const delayOf = new Map(prefs.map((p) => [p.userId, p.unreadEmailDelaySeconds]));
      await m.insert(
        ReceiptEntity,
        recipients.map((r) => ({
          messageId: msg.id,
          recipientId: r.participantId,
          threadId: thread.id,
          practiceId: thread.practiceId,
          readAt: null,
        })),
      );
      await m.insert(
        UnreadEmailEntity,
        recipients.map((r) => ({
          messageId: msg.id,
          recipientId: r.participantId,
          threadId: thread.id,
          practiceId: thread.practiceId,
          dueAt: new Date(
            now.getTime() + (delayOf.get(r.participantId) ?? this.env.UNREAD_EMAIL_DELAY_SECONDS) * 1000,
          ),
          doneAt: null,
          outcome: null,
          eventId: null,
        })),
      );
    }
    await this.outbox.add(m, actor, {
      type: E.messagePosted,
      aggregateId: thread.id,
      practiceId: thread.practiceId,
      data: {
        practiceId: thread.practiceId,
        threadId: thread.id,
        messageId: msg.id,
        senderId: me,
        recipientIds: recipients.map((r) => r.participantId),
        createdAt: now.toISOString(),
      },
    });
    const saved = await m.findOneByOrFail(MessageEntity, { id: msg.id });
    return messageView(saved, []);
  }

  /**
   * The thread of the practice in which the caller takes part, with its participants. Another
   * practice's thread, or one the caller is not in, answers exactly like a missing one.
   */
  private async visibleThread(
    m: EntityManager,
    me: string,
    ref: { practiceId: string; threadId: string },
    lock = false,
  ): Promise<{ thread: ThreadEntity; participants: ParticipantEntity[] }> {
    const thread = await m.findOne(ThreadEntity, {
      where: { id: ref.threadId, practiceId: ref.practiceId },
      // Posting locks the thread, so its message count and last time move in order.
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    const participants = thread
      ? await m.find(ParticipantEntity, {
          where: { threadId: thread.id },
          order: { joinedAt: 'ASC', participantId: 'ASC' },
        })
      : [];
    if (!thread || !participants.some((p) => p.kind === 'user' && p.participantId === me)) {
      throw RpcError.notFound('Thread', ref.threadId);
    }
    return { thread, participants };
  }

  private async ownMessage(m: EntityManager, me: string, ref: MessageRefDto): Promise<MessageEntity> {
    const msg = await m.findOne(MessageEntity, {
      where: { id: ref.messageId, threadId: ref.threadId, practiceId: ref.practiceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!msg || msg.deletedAt) throw RpcError.notFound('Message', ref.messageId);
    if (msg.senderId !== me) throw RpcError.forbidden('Only its sender can change or delete a message');
    return msg;
  }

  private async assertPracticeOn(m: EntityManager, practiceId: string): Promise<void> {
    if (!(await practiceMessagingOn(m, practiceId))) {
      throw RpcError.conflict(
        'Secure Messaging is off for this practice: an owner switches it on in the practice settings',
        { reason: 'secure_messaging_off' },
      );
    }
  }

  private async assertSenderOn(
    m: EntityManager,
    practiceId: string,
    sender: ParticipantEntity,
  ): Promise<void> {
    await this.assertPracticeOn(m, practiceId);
    if (sender.side === 'practice' && !(await memberMessagingOn(m, practiceId, sender.email))) {
      throw RpcError.conflict(
        'Secure Messaging is off for you: switch it on in your team member settings to send messages',
        { reason: 'secure_messaging_off' },
      );
    }
  }

  private changed(
    ref: { practiceId: string; threadId: string; messageId: string },
    participants: ParticipantEntity[],
  ) {
    return {
      practiceId: ref.practiceId,
      threadId: ref.threadId,
      messageId: ref.messageId,
      participantIds: participants.map((p) => p.participantId),
    };
  }

  /** Who has read each message (its recipients with a read time). */
  private async readers(m: EntityManager, messageIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (messageIds.length === 0) return map;
    const rows = await m.find(ReceiptEntity, {
      where: { messageId: In(messageIds) },
      order: { readAt: 'ASC' },
    });
    for (const r of rows)
      if (r.readAt) map.set(r.messageId, [...(map.get(r.messageId) ?? []), r.recipientId]);
    return map;
  }

  private async threadViews(m: EntityManager, me: string, threads: ThreadEntity[]): Promise<ThreadView[]> {
    if (threads.length === 0) return [];
    const ids = threads.map((t) => t.id);
    const participants = await m.find(ParticipantEntity, {
      where: { threadId: In(ids) },
      order: { joinedAt: 'ASC', participantId: 'ASC' },
    });
    const unread = await m
      .createQueryBuilder(ReceiptEntity, 'r')
      .select('r.threadId', 'threadId')
      .addSelect('COUNT(*)::int', 'unread')
      .where('r.threadId IN (:...ids) AND r.recipientId = :me AND r.readAt IS NULL', { ids, me })
      .groupBy('r.threadId')
      .getRawMany<{ threadId: string; unread: number }>();
    const unreadOf = new Map(unread.map((u) => [u.threadId, u.unread]));
    return threads.map((t) =>
      threadView(
        t,
        participants.filter((p) => p.threadId === t.id),
        unreadOf.get(t.id) ?? 0,
      ),
    );
  }
}
