export * from './lib/npi';
