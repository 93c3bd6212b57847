// The scripts are native ES modules that plain node runs before node_modules exists, so Jest runs
// them as they are (no transform), with Node's VM modules (the test target's --experimental-vm-modules).
/** @type {import('jest').Config} */
export default {
  displayName: 'tools-scripts',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/**/*.spec.mjs'],
  moduleFileExtensions: ['mjs', 'js', 'json'],
  coverageDirectory: '../../coverage/tools/scripts',
};
