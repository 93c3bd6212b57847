// The plain part of the contracts (subjects, roles, vocabularies, view types): no class-validator,
// so the console can import these values without shipping the DTO classes.
export * from './lib/claims.subjects';
export type * from './lib/claims.views';
export * from './lib/appointment-import';
export type * from './lib/appointment-import.views';
export type * from './lib/claim.views';
export * from './lib/unbilled.views';
export * from './lib/submission.subjects';
export type * from './lib/submission.views';
