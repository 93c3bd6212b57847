export * from './lib/admin.types';
export * from './lib/users.api';
export * from './lib/audit.api';
export * from './lib/emails.api';
export * from './lib/practice-directory.store';
