import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page } from '@claimline/contracts/common';
import { AuditEventEntity } from '../database/entities';
import { AuditQuery } from './audit.dto';

export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'at'>;

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(event: NewAuditEvent): Promise<void> {
    try {
      await this.db.getRepository(AuditEventEntity).insert(event);
    } catch (error) {
      // The response has been computed; losing its audit row must at least be loud.
      this.logger.error(`audit write failed for ${event.action} ${event.resourceType} ${event.resourceId}: ${(error as Error).message}`);
      throw error;
    }
  }

  async search(query: AuditQuery): Promise<Page<AuditEventEntity>> {
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
    const [items, total] = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(limit).skip(offset).getManyAndCount();
    return { items, total, limit, offset };
  }
}
