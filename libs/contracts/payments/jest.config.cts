/// <reference types="node" />
module.exports = {
  displayName: 'contracts-payments',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/contracts/payments',
};
