/// <reference types="node" />
module.exports = {
  displayName: 'admin-console-data-access-claims',
  preset: '../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
