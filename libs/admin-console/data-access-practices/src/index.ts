export * from './lib/practices.api';
export * from './lib/settings.api';
