// The plain part of the contracts (subjects, vocabularies, view types): no class-validator,
// so the console can import these values without shipping the DTO classes.
export * from './lib/messaging.subjects';
export type * from './lib/messaging.views';
export type * from './lib/messaging.events';
export * from './lib/messaging.realtime';
