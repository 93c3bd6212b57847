export * from './lib/users.types';
export * from './lib/audit.types';
