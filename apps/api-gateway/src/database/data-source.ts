import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { SCHEMA } from '../config/env';
import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { LoginThrottleEntity } from '../auth/entities/login-throttle.entity';
import { RateLimitEntity } from '../auth/entities/rate-limit.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { StaffAssignmentEntity } from '../users/entities/staff-assignment.entity';
import { UserEntity } from '../users/entities/user.entity';
import { GatewayInitial1764230500000 } from './migrations/1764230500000-initial';
import { GatewaySessionsAndThrottles1764900000000 } from './migrations/1764900000000-sessions-and-throttles';

export const GATEWAY_ENTITIES = [
  UserEntity,
  StaffAssignmentEntity,
  SessionEntity,
  RefreshTokenEntity,
  LoginThrottleEntity,
  RateLimitEntity,
  AuditEventEntity,
];

export function gatewayDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: GATEWAY_ENTITIES,
    migrations: [GatewayInitial1764230500000, GatewaySessionsAndThrottles1764900000000],
    applicationName: 'api-gateway',
  });
}
