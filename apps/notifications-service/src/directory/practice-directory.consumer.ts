import { Injectable } from '@nestjs/common';
import {
  PRACTICE_SETTINGS_SERVICE,
  type PracticeSettingsEvents,
} from '@claimline/contracts/practice-settings';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { applyMember, applyPractice, removeMember } from './directory';

export const DIRECTORY_DURABLE = 'notifications-practices';

/** Keeps `practice_ref` and `team_member_ref` from practice-settings' events (durable consumer + inbox). */
@Injectable()
export class PracticeDirectoryConsumer extends EventConsumerHost<PracticeSettingsEvents> {
  protected streams(): ConsumedStream<PracticeSettingsEvents>[] {
    return [
      {
        durable: DIRECTORY_DURABLE,
        service: PRACTICE_SETTINGS_SERVICE,
        handlers: {
          'practice-settings.practice.created': (e, m) => applyPractice(m, e.data),
          'practice-settings.practice.updated': (e, m) => applyPractice(m, e.data),
          'practice-settings.team-member.added': (e, m) => applyMember(m, e.data),
          'practice-settings.team-member.updated': (e, m) => applyMember(m, e.data),
          'practice-settings.team-member.removed': (e, m) => removeMember(m, e.data),
        },
      },
    ];
  }
}
