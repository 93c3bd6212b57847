export * from './lib/claim-snapshot';
export * from './lib/control-numbers';
export * from './lib/claim-grouping';
export * from './lib/claim-837p';
export * from './lib/claim-scrub';
export * from './lib/cms1500-layout';
export * from './lib/cms1500-pdf';
