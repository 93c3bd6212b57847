// Re-exported so services keep one import for the request scope; it lives in util-nats.
export { currentRequestId, runWithRequestId } from '@claimline/backend/util-nats';
export * from './lib/rpc-exception.filter';
export * from './lib/request-id.interceptor';
export * from './lib/logger';
export * from './lib/redaction';
export * from './lib/bootstrap';
export * from './lib/migrate-main';
export * from './lib/run-service';
export * from './lib/service-infrastructure';
