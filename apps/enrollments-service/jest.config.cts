/// <reference types="node" />
module.exports = {
  displayName: 'enrollments-service',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/enrollments-service',
};
