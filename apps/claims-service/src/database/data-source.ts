import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { AppointmentEntity } from '../appointments/entities/appointment.entity';
import { AppointmentLineEntity } from '../appointments/entities/appointment-line.entity';
import { BillingTypeChangeEntity } from '../appointments/entities/billing-type-change.entity';
import { FeeScheduleEntity } from '../fee-schedule/entities/fee-schedule.entity';
import { FeeScheduleEntryEntity } from '../fee-schedule/entities/fee-schedule-entry.entity';
import { Initial1764979200000 } from './migrations/1764979200000-initial';
import { AppointmentClaimLink1765065600000 } from './migrations/1765065600000-appointment-claim-link';
import { UnbilledAndSelfPay1765238400000 } from './migrations/1765238400000-unbilled-and-self-pay';

export function claimsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      FeeScheduleEntity,
      FeeScheduleEntryEntity,
      AppointmentEntity,
      AppointmentLineEntity,
      BillingTypeChangeEntity,
      ...EVENT_ENTITIES,
    ],
    migrations: [Initial1764979200000, AppointmentClaimLink1765065600000, UnbilledAndSelfPay1765238400000],
    applicationName: 'claims-service',
  });
}
