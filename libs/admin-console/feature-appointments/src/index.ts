export * from './lib/appointments.routes';
