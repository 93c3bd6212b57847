/// <reference types="node" />
module.exports = {
  displayName: 'api-gateway',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/api-gateway',
};
