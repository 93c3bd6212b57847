export * from './lib/claims.events';
export * from './lib/claims.subjects';
export * from './lib/claims.maps';
export * from './lib/dto/appointment.dto';
export * from './lib/dto/fee-schedule.dto';
export * from './lib/dto/unbilled.dto';
export * from './lib/unbilled.views';
