/// <reference types="node" />
module.exports = {
  displayName: 'admin-console-feature-claims',
  preset: '../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
