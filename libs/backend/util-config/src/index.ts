export * from './lib/validate-env';
export * from './lib/base-env';
export * from './lib/config.module';
export * from './lib/env-rules';
