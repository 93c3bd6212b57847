export * from './lib/metrics';
export * from './lib/labels';
export * from './lib/metrics-server';
export * from './lib/metrics.module';
export * from './lib/parse-metrics';
export * from './lib/tracing';
