/// <reference types="node" />
module.exports = {
  displayName: 'client-insurance-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/client-insurance-service',
};
