/// <reference types="node" />
module.exports = {
  displayName: 'backend-clearinghouse',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/backend/clearinghouse',
};
