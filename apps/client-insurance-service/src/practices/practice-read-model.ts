import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@claimline/contracts/common';
import {
  PRACTICE_SETTINGS_SERVICE,
  type PracticeChangedEvent,
  type PracticeSettingsEvents,
} from '@claimline/contracts/practice-settings';
import { EVENTS_CONFIG, EventConsumer, EventsConfig, NATS_CONNECTION } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';

export const PRACTICES_DURABLE = 'client-insurance-practices';

/**
 * Keeps `practice_ref` (name and state of each practice) from practice-settings' events, so a
 * policy can warn about a non-local BCBS plan without a call to another service. Versions only
 * move forward: a late or repeated event never overwrites a newer one.
 */
@Injectable()
export class PracticeReadModel implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly consumer: EventConsumer<PracticeSettingsEvents>;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(EVENTS_CONFIG) events: EventsConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    const upsert = (event: EventEnvelope<PracticeChangedEvent>, m: EntityManager) =>
      applyPracticeEvent(m, event.data);
    this.consumer = new EventConsumer<PracticeSettingsEvents>(nc, db, {
      durable: PRACTICES_DURABLE,
      service: PRACTICE_SETTINGS_SERVICE,
      schema: SCHEMA,
      events,
      handlers: {
        'practice-settings.practice.created': upsert,
        'practice-settings.practice.updated': upsert,
      },
      logger: new Logger('PracticeReadModel'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }

  async stateOf(practiceId: string, m: EntityManager = this.db.manager): Promise<string | null> {
    const rows: { state: string }[] = await m.query(
      `SELECT "state" FROM "${SCHEMA}"."practice_ref" WHERE "practice_id" = $1`,
      [practiceId],
    );
    return rows[0]?.state ?? null;
  }
}

export async function applyPracticeEvent(m: EntityManager, data: PracticeChangedEvent): Promise<void> {
  const p = data.practice;
  await m.query(
    `INSERT INTO "${SCHEMA}"."practice_ref" ("practice_id", "name", "state", "version") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("practice_id") DO UPDATE SET "name" = EXCLUDED."name", "state" = EXCLUDED."state", "version" = EXCLUDED."version"
     WHERE "practice_ref"."version" < EXCLUDED."version"`,
    [p.id, p.name, p.address.state, p.version],
  );
}
