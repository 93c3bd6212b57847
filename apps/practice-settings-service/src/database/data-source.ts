import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { BillingProfileEntity } from '../billing-profile/entities/billing-profile.entity';
import { LocationEntity } from '../locations/entities/location.entity';
import { PracticeEntity } from '../practices/entities/practice.entity';
import { TeamMemberEntity } from '../practices/entities/team-member.entity';
import { Initial1764230400000 } from './migrations/1764230400000-initial';
import { PracticeSettingsDomain1764316800000 } from './migrations/1764316800000-practice-settings-domain';
import { OutboxTraceContext1796256000000 } from './migrations/1796256000000-outbox-trace-context';
import { SCHEMA } from '../config/env';

export function practiceSettingsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [PracticeEntity, TeamMemberEntity, LocationEntity, BillingProfileEntity, ...EVENT_ENTITIES],
    migrations: [Initial1764230400000, PracticeSettingsDomain1764316800000, OutboxTraceContext1796256000000],
    applicationName: 'practice-settings-service',
  });
}
