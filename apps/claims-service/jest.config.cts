/// <reference types="node" />
module.exports = {
  displayName: 'claims-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/claims-service',
};
