export { ENROLLMENTS_ROUTES } from './lib/enrollments.routes';
