import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PracticeChangedEvent } from '@claimline/contracts/practice-settings';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { PracticeRefEntity } from './entities/practice-ref.entity';

/**
 * `practice_ref` (name and state of each practice, kept by PracticesConsumer), so a policy can warn
 * about a non-local BCBS plan without a call to another service.
 */
@Injectable()
export class PracticeReadModel {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stateOf(practiceId: string, m: EntityManager = this.db.manager): Promise<string | null> {
    const row = await m.findOne(PracticeRefEntity, { select: { state: true }, where: { practiceId } });
    return row?.state ?? null;
  }
}

/** Versions only move forward: a late or repeated event never overwrites a newer one. */
export async function applyPracticeEvent(m: EntityManager, data: PracticeChangedEvent): Promise<void> {
  const p = data.practice;
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, PracticeRefEntity)} ("practice_id", "name", "state", "version") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("practice_id") DO UPDATE SET "name" = EXCLUDED."name", "state" = EXCLUDED."state", "version" = EXCLUDED."version"
     WHERE "practice_ref"."version" < EXCLUDED."version"`,
    [p.id, p.name, p.address.state, p.version],
  );
}
