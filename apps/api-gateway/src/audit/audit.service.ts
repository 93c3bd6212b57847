import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Page, Role } from '@claimline/contracts/common';
import type { AuditAction, AuditEventView, AuditResource } from '@claimline/contracts/gateway';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditQuery } from './audit.dto';
import type { AuditSpec } from './audit.decorator';

export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'at'>;

interface Pending {
  event: NewAuditEvent;
  done: (error?: Error) => void;
}

/**
 * Audit rows are durable before the response leaves, with group commit: rows that arrive while
 * a batch is being written go together in the next multi-row insert, so concurrent requests
 * share one commit instead of paying one each.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');
  private queue: Pending[] = [];
  private flushing = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  record(event: NewAuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * The row of one request to a route marked `@Audit`: the record id from the path (`idParam`) or
   * the created body, the practice from the path or the body, who asked and how it ended.
   */
  recordRequest(spec: AuditSpec, req: Request, status: number, body?: unknown): Promise<void> {
    const fromBody = (body as { id?: string; practiceId?: string } | undefined) ?? {};
    const resourceId = spec.idParam ? (req.params[spec.idParam] as string | undefined) : fromBody.id;
    const practiceId =
      (req.params['practiceId'] as string | undefined) ??
      fromBody.practiceId ??
      (spec.resource === 'practice' ? resourceId : undefined);
    return this.record({
      userId: req.user?.id ?? null,
      role: req.user?.role ?? null,
      action: spec.action,
      resourceType: spec.resource,
      resourceId: resourceId ?? null,
      practiceId: practiceId && /^[0-9a-f-]{36}$/i.test(practiceId) ? practiceId : null,
      status,
      requestId: (req.id as string | undefined) ?? null,
      ip: req.ip ?? null,
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 500);
      try {
        await this.insert(batch.map((p) => p.event));
        batch.forEach((p) => p.done());
      } catch (error) {
        this.logger.error(`audit write of ${batch.length} rows failed: ${(error as Error).message}`);
        batch.forEach((p) => p.done(error as Error));
      }
    }
    this.flushing = false;
  }

  /** One multi-row INSERT in plain SQL: this runs on every audited request, so no query builder. */
  private async insert(events: NewAuditEvent[]): Promise<void> {
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      values.push(
        e.userId,
        e.role,
        e.action,
        e.resourceType,
        e.resourceId,
        e.practiceId,
        e.status,
        e.requestId,
        e.ip,
      );
      const o = i * 9;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}, $${o + 8}, $${o + 9})`;
    });
    await rawSql(
      this.db,
      'set-based',
      `INSERT INTO ${tableOf(this.db, AuditEventEntity)} (user_id, role, action, resource_type, resource_id, practice_id, status, request_id, ip)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async search(query: AuditQuery): Promise<Page<AuditEventView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const qb = this.db.getRepository(AuditEventEntity).createQueryBuilder('a');
    if (query.userId) qb.andWhere('a.user_id = :userId', { userId: query.userId });
    if (query.practiceId) qb.andWhere('a.practice_id = :practiceId', { practiceId: query.practiceId });
    if (query.resourceType) qb.andWhere('a.resource_type = :rt', { rt: query.resourceType });
    if (query.resourceId) qb.andWhere('a.resource_id = :rid', { rid: query.resourceId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: items.map(toAuditEventView), total, limit, offset };
  }
}

/** Rows are written only from `@Audit` specs, so their action and resource are the contract's. */
function toAuditEventView(e: AuditEventEntity): AuditEventView {
  return {
    ...e,
    at: e.at.toISOString(),
    role: e.role as Role | null,
    action: e.action as AuditAction,
    resourceType: e.resourceType as AuditResource,
  };
}
