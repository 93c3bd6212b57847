export * from './lib/service-harness';
