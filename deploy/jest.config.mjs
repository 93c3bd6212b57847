// The manifest checks are plain ES modules, run as they are (like tools/scripts).
/** @type {import('jest').Config} */
export default {
  displayName: 'deploy',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/**/*.spec.mjs'],
  moduleFileExtensions: ['mjs', 'js', 'json'],
};
