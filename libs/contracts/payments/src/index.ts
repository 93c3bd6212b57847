export * from './lib/payments.subjects';
export type * from './lib/payments.views';
export type * from './lib/payments.events';
export type * from './lib/payments.maps';
export * from './lib/dto/payments.dto';
