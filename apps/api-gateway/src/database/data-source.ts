import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { SCHEMA } from '../config/env';
import { GATEWAY_ENTITIES } from './entities';
import { GatewayInitial1764230500000 } from './migrations/1764230500000-initial';
import { GatewaySessionsAndThrottles1764900000000 } from './migrations/1764900000000-sessions-and-throttles';

export function gatewayDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: GATEWAY_ENTITIES,
    migrations: [GatewayInitial1764230500000, GatewaySessionsAndThrottles1764900000000],
    applicationName: 'api-gateway',
  });
}
