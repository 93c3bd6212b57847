import {
  authorizationWarnings,
  consumeProblem,
  daysBetween,
  rangesOverlap,
  usesRemaining,
} from './authorization-rules';

const auth = {
  number: 'PA-1',
  usesAuthorized: 10,
  usesConsumed: 0,
  validFrom: '2026-01-01',
  validTo: '2026-06-30',
  active: true,
};
const codes = (a: typeof auth, today: string) => authorizationWarnings(a, today).map((w) => w.code);

describe('authorization arithmetic', () => {
  it('counts days across months and leap years', () => {
    expect(daysBetween('2026-01-01', '2026-01-15')).toBe(14);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it('computes remaining uses, never below zero', () => {
    expect(usesRemaining(auth)).toBe(10);
    expect(usesRemaining({ usesAuthorized: 3, usesConsumed: 5 })).toBe(0);
  });

  it('detects overlapping closed ranges, including a shared end day', () => {
    expect(rangesOverlap(auth, { validFrom: '2026-06-30', validTo: '2026-12-31' })).toBe(true);
    expect(rangesOverlap(auth, { validFrom: '2026-07-01', validTo: '2026-12-31' })).toBe(false);
    expect(rangesOverlap(auth, { validFrom: '2025-01-01', validTo: '2027-01-01' })).toBe(true);
  });

  it('refuses a use when inactive or exhausted', () => {
    expect(consumeProblem(auth)).toBeNull();
    expect(consumeProblem({ ...auth, active: false })).toContain('not active');
    expect(consumeProblem({ ...auth, usesConsumed: 10 })).toBe(
      'All 10 authorized visits of authorization PA-1 are used',
    );
  });
});

describe('authorization warnings (today passed in)', () => {
  it('has none for a fresh authorization well inside its dates', () => {
    expect(codes(auth, '2026-03-01')).toEqual([]);
  });

  it('warns when ending within 14 days, including the last day', () => {
    expect(codes(auth, '2026-06-16')).toEqual(['ending_soon']); // 14 days before 06-30
    expect(codes(auth, '2026-06-15')).toEqual([]); // 15 days
    expect(authorizationWarnings(auth, '2026-06-29')[0].message).toBe(
      'Authorization PA-1 ends on 2026-06-30 (tomorrow)',
    );
    expect(authorizationWarnings(auth, '2026-06-30')[0].message).toBe(
      'Authorization PA-1 ends on 2026-06-30 (today)',
    );
  });

  it('warns when expired (and not also ending soon)', () => {
    expect(codes(auth, '2026-07-01')).toEqual(['expired']);
  });

  it('warns with two or fewer uses left, and when exhausted', () => {
    expect(codes({ ...auth, usesConsumed: 7 }, '2026-03-01')).toEqual([]);
    expect(codes({ ...auth, usesConsumed: 8 }, '2026-03-01')).toEqual(['few_uses_left']);
    expect(authorizationWarnings({ ...auth, usesConsumed: 9 }, '2026-03-01')[0].message).toBe(
      'Only 1 of 10 authorized visits is left on authorization PA-1',
    );
    expect(codes({ ...auth, usesConsumed: 10 }, '2026-03-01')).toEqual(['exhausted']);
  });

  it('combines warnings: inactive, not yet valid, expired and exhausted', () => {
    expect(codes({ ...auth, active: false }, '2025-12-01')).toEqual(['inactive', 'not_yet_valid']);
    expect(codes({ ...auth, usesConsumed: 10 }, '2026-08-01')).toEqual(['expired', 'exhausted']);
  });
});
