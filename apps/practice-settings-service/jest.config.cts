/// <reference types="node" />
module.exports = {
  displayName: 'practice-settings-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/practice-settings-service',
};
