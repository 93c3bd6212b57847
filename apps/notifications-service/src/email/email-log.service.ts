import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal, Page } from '@claimline/contracts/common';
import type { EmailLogView, ListEmailsQuery } from '@claimline/contracts/notifications';
import { NotificationsEnv } from '../config/env';
import { domainOf, messageIdOf } from './email-sender';
import { EmailEntity } from './entities/email.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The e-mail log for admins: what was sent to whom, when, how it went. Bodies are never returned. */
@Injectable()
export class EmailLogService {
  private readonly domain: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    env: NotificationsEnv,
  ) {
    this.domain = domainOf(env.MAIL_FROM);
  }

  async list(actor: Principal, query: ListEmailsQuery): Promise<Page<EmailLogView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.db.getRepository(EmailEntity).findAndCount({
      // The bodies stay in the table: the log never shows them.
      select: {
        id: true,
        practiceId: true,
        kind: true,
        template: true,
        eventId: true,
        eventType: true,
        recipient: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        lastAttemptAt: true,
        nextAttemptAt: true,
        sentAt: true,
        failedAt: true,
      },
      where: {
        ...(query.status && { status: query.status }),
        ...(query.practiceId && { practiceId: query.practiceId }),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        messageId: messageIdOf(r.id, this.domain),
        practiceId: r.practiceId,
        kind: r.kind,
        template: r.template,
        eventId: r.eventId,
        eventType: r.eventType,
        recipient: r.recipient,
        subject: r.subject,
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError,
        createdAt: r.createdAt.toISOString(),
        lastAttemptAt: iso(r.lastAttemptAt),
        nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
        sentAt: iso(r.sentAt),
        failedAt: iso(r.failedAt),
      })),
      total,
      limit,
      offset,
    };
  }
}
