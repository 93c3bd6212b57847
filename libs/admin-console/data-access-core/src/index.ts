export * from './lib/problem';
export * from './lib/auth.service';
export * from './lib/session-retry';
export * from './lib/auth.interceptor';
export * from './lib/auth.guards';
export * from './lib/practice-context.store';
export * from './lib/route-params';
