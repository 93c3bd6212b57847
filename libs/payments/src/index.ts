export * from './lib/posting-model';
export * from './lib/posting-plan';
export * from './lib/client-ledger';
export * from './lib/ar-aging';
