import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { emailQueue, GaugeSample } from '@claimline/backend/util-metrics';
import { EmailEntity } from './entities/email.entity';

const COUNTED = ['pending', 'failed'] as const;

/** Pending and failed e-mails by status (both always present, 0 included): one grouped count on `email_log_status_idx`. */
export async function emailQueueSamples(db: DataSource): Promise<GaugeSample<'status'>[]> {
  const rows: { status: string; count: string }[] = await db
    .getRepository(EmailEntity)
    .createQueryBuilder('e')
    .select('e.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .where('e.status IN (:...statuses)', { statuses: COUNTED })
    .groupBy('e.status')
    .getRawMany();
  return COUNTED.map((status) => ({
    labels: { status },
    value: Number(rows.find((r) => r.status === status)?.count ?? 0),
  }));
}

/** `claimline_email_queue{status}`, read from the table when Prometheus scrapes. */
@Injectable()
export class EmailQueueMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private remove: (() => void) | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.remove = emailQueue.add(() => emailQueueSamples(this.db));
  }

  onApplicationShutdown(): void {
    this.remove?.();
  }
}
