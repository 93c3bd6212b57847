// The scripts' tests that start real servers (our own sshd): `npx nx run tools-scripts:integration`.
/** @type {import('jest').Config} */
export default {
  displayName: 'tools-scripts:integration',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/**/*.integration-spec.mjs'],
  moduleFileExtensions: ['mjs', 'js', 'json'],
  testTimeout: 60_000,
};
