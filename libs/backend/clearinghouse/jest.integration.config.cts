/// <reference types="node" />
module.exports = {
  displayName: 'backend-clearinghouse:integration',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
