/// <reference types="node" />
module.exports = {
  displayName: 'messaging-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/messaging-service',
};
