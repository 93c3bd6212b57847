export * from './lib/phi-cipher';
export * from './lib/is-phi-key';
