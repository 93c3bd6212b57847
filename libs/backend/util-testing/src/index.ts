export * from './lib/test-database';
export * from './lib/test-files';
export * from './lib/rpc-error';
export * from './lib/test-nats';
export * from './lib/wait-for';
export * from './lib/built-apps';
