import { Injectable } from '@nestjs/common';
import {
  PRACTICE_SETTINGS_SERVICE,
  type PracticeSettingsEvents,
} from '@claimline/contracts/practice-settings';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { applyPracticeEvent } from './practice-read-model';

export const PRACTICES_DURABLE = 'client-insurance-practices';

/** Keeps `practice_ref` (`PracticeReadModel`) from practice-settings' practice events. */
@Injectable()
export class PracticesConsumer extends EventConsumerHost<PracticeSettingsEvents> {
  protected streams(): ConsumedStream<PracticeSettingsEvents>[] {
    return [
      {
        durable: PRACTICES_DURABLE,
        service: PRACTICE_SETTINGS_SERVICE,
        handlers: {
          'practice-settings.practice.created': (event, m) => applyPracticeEvent(m, event.data),
          'practice-settings.practice.updated': (event, m) => applyPracticeEvent(m, event.data),
        },
      },
    ];
  }
}
