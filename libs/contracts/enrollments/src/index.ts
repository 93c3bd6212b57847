export * from './lib/enrollments.events';
export * from './lib/enrollments.subjects';
export * from './lib/enrollments.maps';
export * from './lib/dto/enrollment.dto';
