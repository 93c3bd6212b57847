export * from './lib/messaging.subjects';
export type * from './lib/messaging.views';
export type * from './lib/messaging.events';
export type * from './lib/messaging.maps';
export * from './lib/dto/thread.dto';
export * from './lib/dto/message.dto';
export * from './lib/dto/preference.dto';
export * from './lib/messaging.realtime';
