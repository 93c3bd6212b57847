/// <reference types="node" />
module.exports = {
  displayName: 'backend-util-metrics',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/backend/util-metrics',
};
