export * from './lib/rules';
export * from './lib/validators';
export * from './lib/server-errors';
export * from './lib/field-error';
export * from './lib/states';
export * from './lib/page-header';
export * from './lib/status-chip';
