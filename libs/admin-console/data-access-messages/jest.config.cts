/// <reference types="node" />
module.exports = {
  displayName: 'admin-console-data-access-messages',
  preset: '../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
