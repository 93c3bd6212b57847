export * from './lib/notifications.subjects';
export * from './lib/notifications.maps';
export * from './lib/dto/email.dto';
export * from './lib/dto/preferences.dto';
