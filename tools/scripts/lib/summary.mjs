// @ts-check
// npm test's bookkeeping: the Jest results counted from each step's output, one line per step
// and the summary line at the end. Pure, so that the counting is tested (summary.spec.mjs).

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ name: string, ok: boolean, seconds: number, counts: Counts, note?: string, failures?: string[] }} Step
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** @returns {Counts} */
export function noCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/**
 * Adds up the `Tests:` lines Jest prints at the end of each run (one per project; Nx may put the
 * project's name in front of it), e.g. `Tests: 1 failed, 2 skipped, 40 passed, 43 total`.
 * @param {string} output what the step printed, colours included
 * @returns {Counts}
 */
export function jestCounts(output) {
  const counts = noCounts();
  for (const line of output.replace(ANSI, '').split('\n')) {
    const m = /^\s*(?:\S+\s+)?Tests:\s+(.*)\s+total/.exec(line);
    if (!m) continue;
    for (const part of m[1].split(',')) {
      const [n, what] = part.trim().split(/\s+/);
      if (what === 'passed' || what === 'failed' || what === 'skipped') counts[what] += Number(n);
    }
  }
  return counts;
}

/**
 * The names of the tests that failed, from the `●` headers Jest prints above each failure
 * (`● suite › test`), without repeats: CI often shows only the summary, which then says which.
 * @param {string} output what the step printed, colours included
 * @returns {string[]}
 */
export function failedTests(output) {
  const names = new Set();
  for (const line of output.replace(ANSI, '').split('\n')) {
    const m = /^\s*(?:\S+:\s+)?●\s+(.*\S)\s*$/.exec(line);
    if (m && m[1].includes(' › ')) names.add(m[1]);
  }
  return [...names];
}

/**
 * Adds `counts` into `totals`.
 * @param {Counts} totals
 * @param {Counts} counts
 */
export function addCounts(totals, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

/**
 * One step's line of the summary: `PASS  unit tests   93s  1200 passed`.
 * @param {Step} step
 */
export function stepLine(step) {
  const c = step.counts;
  const tests = c.passed + c.failed ? `${c.passed} passed${c.failed ? `, ${c.failed} failed` : ''}` : '';
  const time = `${step.seconds.toFixed(0)}s`.padStart(5);
  const line = `${step.ok ? 'PASS' : 'FAIL'}  ${step.name.padEnd(22)} ${time}  ${tests}${step.note ? `  (${step.note})` : ''}`;
  return [line, ...(step.failures ?? []).map((name) => `        ✕ ${name}`)].join('\n');
}

/**
 * The last line: every test counted, and a failed step counts as a failure even when no single
 * test failed (lint, type check, a crash).
 * @param {Counts} totals
 * @param {Step[]} steps
 */
export function summaryLine(totals, steps) {
  const failedSteps = steps.filter((s) => !s.ok).length;
  const failed = totals.failed + (failedSteps && !totals.failed ? failedSteps : 0);
  return `Summary: ${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
}
