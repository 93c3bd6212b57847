/// <reference types="node" />
module.exports = {
  displayName: 'payments-service:integration',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 90_000,
};
