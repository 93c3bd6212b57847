export * from './lib/claims.routes';
