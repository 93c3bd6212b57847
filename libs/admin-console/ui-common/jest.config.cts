/// <reference types="node" />
// Unit tests of the framework-free parts (validation rules); Angular itself is exercised in the browser tests.
module.exports = {
  displayName: 'admin-console-ui-common',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
