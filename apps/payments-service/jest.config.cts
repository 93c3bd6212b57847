/// <reference types="node" />
module.exports = {
  displayName: 'payments-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/payments-service',
};
