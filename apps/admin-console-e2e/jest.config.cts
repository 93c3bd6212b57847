/// <reference types="node" />
// Browser tests: playwright-core driving Debian's Chromium (headless) against the stack that
// `npm test` starts, with the console served by the gateway.
module.exports = {
  displayName: 'admin-console-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
