/// <reference types="node" />
module.exports = {
  displayName: 'notifications-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/notifications-service',
};
