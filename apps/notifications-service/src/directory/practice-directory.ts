import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import {
  PRACTICE_SETTINGS_SERVICE,
  type PracticeSettingsEvents,
} from '@claimline/contracts/practice-settings';
import { EVENTS_CONFIG, EventConsumer, EventsConfig, NATS_CONNECTION } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { applyMember, applyPractice, removeMember } from './directory';

export const DIRECTORY_DURABLE = 'notifications-practices';

/** Keeps `practice_ref` and `team_member_ref` from practice-settings' events (durable consumer + inbox). */
@Injectable()
export class PracticeDirectory implements OnApplicationBootstrap, OnModuleDestroy {
  readonly consumer: EventConsumer<PracticeSettingsEvents>;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(EVENTS_CONFIG) events: EventsConfig,
    @InjectDataSource() db: DataSource,
  ) {
    this.consumer = new EventConsumer<PracticeSettingsEvents>(nc, db, {
      durable: DIRECTORY_DURABLE,
      service: PRACTICE_SETTINGS_SERVICE,
      schema: SCHEMA,
      events,
      handlers: {
        'practice-settings.practice.created': (e, m) => applyPractice(m, e.data),
        'practice-settings.practice.updated': (e, m) => applyPractice(m, e.data),
        'practice-settings.team-member.added': (e, m) => applyMember(m, e.data),
        'practice-settings.team-member.updated': (e, m) => applyMember(m, e.data),
        'practice-settings.team-member.removed': (e, m) => removeMember(m, e.data),
      },
      logger: new Logger('PracticeDirectory'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}
