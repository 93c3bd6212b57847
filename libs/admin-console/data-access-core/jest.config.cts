/// <reference types="node" />
// Unit tests of the framework-free parts (problem parsing); Angular itself is exercised in the browser tests.
module.exports = {
  displayName: 'admin-console-data-access-core',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
