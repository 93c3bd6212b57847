import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal, Page } from '@claimline/contracts/common';
import type { EmailLogView, ListEmailsQuery } from '@claimline/contracts/notifications';
import { NotificationsEnv, SCHEMA } from '../config/env';
import { domainOf, messageIdOf } from './email-sender';

interface EmailRow {
  id: string;
  practice_id: string;
  kind: EmailLogView['kind'];
  template: string;
  event_id: string;
  event_type: string;
  recipient: string;
  subject: string;
  status: EmailLogView['status'];
  attempts: number;
  last_error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
}

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
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) where.push(`"status" = $${params.push(query.status)}`);
    if (query.practiceId) where.push(`"practice_id" = $${params.push(query.practiceId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, count]: [EmailRow[], { total: string }[]] = await Promise.all([
      this.db.query(
        `SELECT "id", "practice_id", "kind", "template", "event_id", "event_type", "recipient", "subject", "status", "attempts",
                "last_error", "created_at", "last_attempt_at", "next_attempt_at", "sent_at", "failed_at"
           FROM "${SCHEMA}"."email" ${clause}
          ORDER BY "created_at" DESC, "id" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
      this.db.query(`SELECT count(*) AS "total" FROM "${SCHEMA}"."email" ${clause}`, params),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        messageId: messageIdOf(r.id, this.domain),
        practiceId: r.practice_id,
        kind: r.kind,
        template: r.template,
        eventId: r.event_id,
        eventType: r.event_type,
        recipient: r.recipient,
        subject: r.subject,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        lastAttemptAt: iso(r.last_attempt_at),
        nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
        sentAt: iso(r.sent_at),
        failedAt: iso(r.failed_at),
      })),
      total: Number(count[0].total),
      limit,
      offset,
    };
  }
}
