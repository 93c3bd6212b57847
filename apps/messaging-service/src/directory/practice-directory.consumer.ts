import { Injectable } from '@nestjs/common';
import {
  PRACTICE_SETTINGS_SERVICE,
  type PracticeSettingsEvents,
} from '@claimline/contracts/practice-settings';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { applyMember, applyPractice, removeMember } from './directory';

export const PRACTICE_SETTINGS_DURABLE = 'messaging-practices';

/** Keeps the Secure Messaging switches of practices and team members from practice-settings' stream. */
@Injectable()
export class PracticeDirectoryConsumer extends EventConsumerHost<PracticeSettingsEvents> {
  protected streams(): ConsumedStream<PracticeSettingsEvents>[] {
    return [
      {
        durable: PRACTICE_SETTINGS_DURABLE,
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
