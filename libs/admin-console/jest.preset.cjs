// The console libraries' Jest preset: the workspace preset, plus Angular's own ES modules compiled
// by SWC (Angular ships ESM only) and its JIT compiler, so unit tests run real signals, forms,
// HttpClient (with HttpTestingController) and TestBed in Node, without a DOM.
const base = require('../../jest.preset.cjs');

const [swc, swcOptions] = base.transform['^.+\\.[tj]s$'];

module.exports = {
  ...base,
  transform: { '^.+\\.(ts|js|mjs)$': [swc, swcOptions] },
  transformIgnorePatterns: ['node_modules/(?!(@angular|rxjs|tslib)/)'],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
  // After the framework: @angular/core/testing then resets TestBed after each test by itself.
  setupFilesAfterEnv: [require.resolve('./jest.setup.ts')],
};
