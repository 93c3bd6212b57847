export * from './lib/request-scope';
export * from './lib/rpc-exception.filter';
export * from './lib/request-id.interceptor';
export * from './lib/logger';
export * from './lib/redaction';
export * from './lib/bootstrap';
export * from './lib/migrate-main';
export * from './lib/service-infrastructure';
