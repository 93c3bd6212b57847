export * from './lib/enrollments.api';
