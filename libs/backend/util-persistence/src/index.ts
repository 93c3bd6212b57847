export * from './lib/snake-naming.strategy';
export * from './lib/data-source';
export * from './lib/errors';
export * from './lib/address.columns';
export * from './lib/raw-sql';
export * from './lib/versioning';
export * from './lib/practice-scoped';
export * from './lib/versioned-record';
