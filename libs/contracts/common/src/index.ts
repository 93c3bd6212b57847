export * from './lib/rpc-error';
export * from './lib/request-context';
export * from './lib/pagination';
export * from './lib/event-envelope';
export * from './lib/address.dto';
export * from './lib/validators';
export * from './lib/input-rules';
