import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { MemberRefEntity } from '../directory/entities/member-ref.entity';
import { PracticeRefEntity } from '../directory/entities/practice-ref.entity';
import { UserPreferenceEntity } from '../preferences/entities/user-preference.entity';
import { MessageEntity } from '../threads/entities/message.entity';
import { ParticipantEntity } from '../threads/entities/participant.entity';
import { ReceiptEntity } from '../threads/entities/receipt.entity';
import { ThreadEntity } from '../threads/entities/thread.entity';
import { UnreadEmailEntity } from '../unread/entities/unread-email.entity';
import { Initial1780000000000 } from './migrations/1780000000000-initial';
import { OutboxTraceContext1796256000000 } from './migrations/1796256000000-outbox-trace-context';

export function messagingDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      PracticeRefEntity,
      MemberRefEntity,
      ThreadEntity,
      ParticipantEntity,
      MessageEntity,
      ReceiptEntity,
      UnreadEmailEntity,
      UserPreferenceEntity,
      ...EVENT_ENTITIES,
    ],
    migrations: [Initial1780000000000, OutboxTraceContext1796256000000],
    applicationName: 'messaging-service',
  });
}
