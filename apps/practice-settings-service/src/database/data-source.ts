import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { PracticeEntity } from '../practices/entities/practice.entity';
import { TeamMemberEntity } from '../practices/entities/team-member.entity';
import { Initial1764230400000 } from './migrations/1764230400000-initial';
import { SCHEMA } from '../config/env';

export function practiceSettingsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [PracticeEntity, TeamMemberEntity, ...EVENT_ENTITIES],
    migrations: [Initial1764230400000],
    applicationName: 'practice-settings-service',
  });
}
