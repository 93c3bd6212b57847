// @ts-check
// The deployable apps of the local stack, in start order. The gateway comes last: its
// readiness probe waits for every service.
export const SERVICES = [
  'practice-settings-service',
  'client-insurance-service',
  'enrollments-service',
  'notifications-service',
  'documents-service',
  'claims-service',
  'messaging-service',
  'payments-service',
];
export const GATEWAY = 'api-gateway';
export const APPS = [...SERVICES, GATEWAY];
// The admin console: built with the apps, served by the gateway (CONSOLE_DIST).
export const CONSOLE = 'admin-console';
// The sandbox clearinghouse: no database, no NATS; npm start runs it beside our own sshd (sftp.mjs).
export const SANDBOX = 'clearinghouse-sandbox';
export const BUILT = [...APPS, CONSOLE, SANDBOX];
