import { DataSourceOptions } from 'typeorm';
import { InboxEntity } from '@claimline/backend/util-nats';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { SCHEMA } from '../config/env';
import { Initial1764500000000 } from './migrations/1764500000000-initial';

/** Plain SQL everywhere (claiming with SKIP LOCKED, upserts with version guards); only the inbox is an entity. */
export function notificationsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [InboxEntity],
    migrations: [Initial1764500000000],
    applicationName: 'notifications-service',
  });
}
