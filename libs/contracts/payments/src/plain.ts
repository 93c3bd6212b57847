// The plain part of the contracts (subjects, vocabularies, view types): no class-validator,
// so the console can import these values without shipping the DTO classes.
export * from './lib/payments.subjects';
export type * from './lib/payments.views';
export type * from './lib/payments.events';
