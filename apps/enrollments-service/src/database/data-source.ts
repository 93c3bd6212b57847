import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { ClearinghouseRequestEntity } from '../clearinghouse/entities/clearinghouse-request.entity';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { EnrollmentHistoryEntity } from '../enrollments/entities/enrollment-history.entity';
import { PayerRefEntity } from '../payers/entities/payer-ref.entity';
import { PracticePayerEntity } from '../payers/entities/practice-payer.entity';
import { Initial1764403200000 } from './migrations/1764403200000-initial';
import { OutboxTraceContext1796256000000 } from './migrations/1796256000000-outbox-trace-context';

export function enrollmentsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      EnrollmentEntity,
      EnrollmentHistoryEntity,
      PayerRefEntity,
      PracticePayerEntity,
      ClearinghouseRequestEntity,
      ...EVENT_ENTITIES,
    ],
    migrations: [Initial1764403200000, OutboxTraceContext1796256000000],
    applicationName: 'enrollments-service',
  });
}
