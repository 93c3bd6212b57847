/// <reference types="node" />
module.exports = {
  displayName: 'contracts-practice-settings',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/contracts/practice-settings',
};
