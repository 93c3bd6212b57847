export * from './lib/messages.api';
export * from './lib/messaging-realtime.service';
export * from './lib/realtime-connection';
