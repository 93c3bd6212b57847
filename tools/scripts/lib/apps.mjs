// The deployable apps of the local stack, in start order. The gateway comes last: its
// readiness probe waits for every service.
export const SERVICES = [
  'practice-settings-service',
  'client-insurance-service',
  'enrollments-service',
  'notifications-service',
  'documents-service',
];
export const GATEWAY = 'api-gateway';
export const APPS = [...SERVICES, GATEWAY];
