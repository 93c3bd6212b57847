// Shared Jest preset: Nx's resolver (tsconfig path aliases) + SWC with decorator metadata.
const fs = require('node:fs');
const path = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  setupFiles: [require.resolve('reflect-metadata')],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageReporters: ['text-summary', 'lcov'],
};
