import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { Initial1764403200000 } from './migrations/1764403200000-initial';

/** The service's own tables are read and written with SQL (see the migration); TypeORM entities only for the outbox/inbox. */
export function enrollmentsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [...EVENT_ENTITIES],
    migrations: [Initial1764403200000],
    applicationName: 'enrollments-service',
  });
}
