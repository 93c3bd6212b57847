/// <reference types="node" />
module.exports = {
  displayName: 'reference-data',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/reference-data',
};
