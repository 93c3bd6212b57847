import { DataSourceOptions } from 'typeorm';
import { InboxEntity } from '@claimline/backend/util-nats';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { SCHEMA } from '../config/env';
import { PracticeRefEntity } from '../directory/entities/practice-ref.entity';
import { TeamMemberRefEntity } from '../directory/entities/team-member-ref.entity';
import { EmailEntity } from '../email/entities/email.entity';
import { RecipientPreferenceEntity } from '../preferences/entities/recipient-preference.entity';
import { Initial1764500000000 } from './migrations/1764500000000-initial';

/** No outbox here (the service publishes no events): of the event tables only the inbox. */
export function notificationsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [PracticeRefEntity, TeamMemberRefEntity, RecipientPreferenceEntity, EmailEntity, InboxEntity],
    migrations: [Initial1764500000000],
    applicationName: 'notifications-service',
  });
}
