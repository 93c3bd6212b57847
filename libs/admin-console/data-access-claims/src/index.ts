export * from './lib/appointments.api';
export * from './lib/fee-schedule.api';
export * from './lib/appointment-import.api';
export * from './lib/claims.api';
export * from './lib/unbilled.api';
