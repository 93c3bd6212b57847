export * from './lib/assertion';
export * from './lib/keys';
export * from './lib/authorize';
export * from './lib/practice-lookup';
export * from './lib/practice-settings.lookup';
export * from './lib/rpc-auth.guard';
export * from './lib/rpc-auth.module';
export * from './lib/testing';
