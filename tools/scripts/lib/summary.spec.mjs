// @ts-check
import { addCounts, failedTests, jestCounts, noCounts, stepLine, summaryLine } from './summary.mjs';

describe('counting Jest results', () => {
  it('adds the Tests: line of every project, with or without Nx’s prefix and colours', () => {
    const output = [
      'PASS domain libs/domain/src/money.spec.ts',
      '\x1b[1mTests:       \x1b[22m\x1b[1m\x1b[32m40 passed\x1b[39m\x1b[22m, 40 total',
      'tools-scripts: Tests:       1 failed, 2 skipped, 10 passed, 13 total',
      'x12: Tests:       3 todo, 5 passed, 8 total',
      'Test Suites: 1 failed, 9 passed, 10 total',
      'a line that mentions Tests: but no total',
    ].join('\n');
    expect(jestCounts(output)).toEqual({ passed: 55, failed: 1, skipped: 2 });
  });

  it('counts nothing in output without Jest results', () => {
    expect(jestCounts('NX   Successfully ran target lint for 30 projects\n')).toEqual(noCounts());
  });

  it('adds a step’s counts into the totals', () => {
    const totals = noCounts();
    addCounts(totals, { passed: 3, failed: 1, skipped: 0 });
    addCounts(totals, { passed: 2, failed: 0, skipped: 4 });
    expect(totals).toEqual({ passed: 5, failed: 1, skipped: 4 });
  });
});

describe('naming the failed tests', () => {
  it('lists each failed test once, from Jest’s ● headers, with or without Nx’s prefix', () => {
    const output = [
      'admin-console-e2e: FAIL admin-console-e2e apps/admin-console-e2e/src/admin.e2e-spec.ts (74.77 s)',
      'admin-console-e2e:   \x1b[1m● console admin area › creates billing staff\x1b[22m',
      '    locator.waitFor: Timeout 15000ms exceeded.',
      '  ● money › adds cents',
      '  ● money › adds cents',
      '  ● Test suite failed to run',
    ].join('\n');
    expect(failedTests(output)).toEqual(['console admin area › creates billing staff', 'money › adds cents']);
  });

  it('prints them under the step’s line', () => {
    const line = stepLine({
      name: 'unit tests',
      ok: false,
      seconds: 3,
      counts: { passed: 1, failed: 1, skipped: 0 },
      failures: ['money › adds cents'],
    });
    expect(line.split('\n')).toEqual([
      expect.stringMatching(/^FAIL {2}unit tests/),
      '        ✕ money › adds cents',
    ]);
  });
});

describe('the summary', () => {
  it('has a line per step with its time and tests', () => {
    expect(
      stepLine({
        name: 'unit tests',
        ok: true,
        seconds: 92.6,
        counts: { passed: 1200, failed: 0, skipped: 0 },
      }),
    ).toBe('PASS  unit tests               93s  1200 passed');
    expect(
      stepLine({
        name: 'lint',
        ok: false,
        seconds: 4,
        counts: noCounts(),
        note: 'not run: the build failed',
      }),
    ).toBe('FAIL  lint                      4s    (not run: the build failed)');
    expect(
      stepLine({ name: 'e2e', ok: false, seconds: 30, counts: { passed: 9, failed: 2, skipped: 0 } }),
    ).toContain('9 passed, 2 failed');
  });

  it('counts a failed step as a failure when no single test failed', () => {
    const lint = { name: 'lint', ok: false, seconds: 1, counts: noCounts() };
    const unit = { name: 'unit tests', ok: true, seconds: 1, counts: { passed: 10, failed: 0, skipped: 1 } };
    expect(summaryLine({ passed: 10, failed: 0, skipped: 1 }, [lint, unit])).toBe(
      'Summary: 10 passed, 1 failed, 1 skipped',
    );
    expect(summaryLine({ passed: 10, failed: 3, skipped: 0 }, [lint, unit])).toBe(
      'Summary: 10 passed, 3 failed',
    );
    expect(summaryLine({ passed: 10, failed: 0, skipped: 0 }, [unit])).toBe('Summary: 10 passed, 0 failed');
  });
});
