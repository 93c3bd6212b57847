export * from './lib/enrollments.events';
