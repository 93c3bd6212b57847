/// <reference types="node" />
module.exports = {
  displayName: 'backend-util-auth',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/backend/util-auth',
};
