export * from './lib/clients.api';
export * from './lib/documents.api';
