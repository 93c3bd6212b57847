import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { DocumentEntity } from '../documents/entities/document.entity';
import { Initial1779000000000 } from './migrations/1779000000000-initial';
import { ImagePreviews1779100000000 } from './migrations/1779100000000-image-previews';
import { OutboxTraceContext1796256000000 } from './migrations/1796256000000-outbox-trace-context';
import { SCHEMA } from '../config/env';

export function documentsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [DocumentEntity, ...EVENT_ENTITIES],
    migrations: [Initial1779000000000, ImagePreviews1779100000000, OutboxTraceContext1796256000000],
    applicationName: 'documents-service',
  });
}
