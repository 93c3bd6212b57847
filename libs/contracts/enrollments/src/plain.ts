// The plain part of the contracts (subjects, roles, actions): no class-validator, so the console
// can import these values without shipping the DTO classes.
export * from './lib/enrollments.subjects';
