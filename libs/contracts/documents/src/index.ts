export * from './lib/documents.subjects';
export * from './lib/documents.dto';
export * from './lib/documents.maps';
