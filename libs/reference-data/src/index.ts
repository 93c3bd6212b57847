export * from './lib/taxonomy';
export * from './lib/place-of-service';
export * from './lib/procedure-codes';
export * from './lib/us-states';
export * from './lib/payers';
export * from './lib/payer-directory';
export * from './lib/icd10cm';
export * from './lib/remittance-codes';
