/// <reference types="node" />
// Form rules, the save helper and server-error mapping, with Angular's real forms and signals.
module.exports = {
  displayName: 'admin-console-ui-common',
  preset: '../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
