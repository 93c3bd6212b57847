/// <reference types="node" />
module.exports = {
  displayName: 'documents-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/documents-service',
};
