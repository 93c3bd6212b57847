/// <reference types="node" />
module.exports = {
  displayName: 'clearinghouse-sandbox',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/clearinghouse-sandbox',
};
