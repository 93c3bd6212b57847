import { attempt, LockPolicy, ThrottleState } from './login-throttle';

const policy: LockPolicy = { afterFailures: 5, lockSeconds: 2, maxLockSeconds: 10, windowSeconds: 3600 };

describe('attempt (per-account sign-in lock)', () => {
  it('locks after the fifth attempt in a row, doubles the lock with each further one up to the cap', () => {
    let state: ThrottleState | null = null;
    let now = new Date('2026-12-01T10:00:00Z');
    for (let i = 1; i <= 4; i++) {
      const r = attempt(state, now, policy);
      expect(r).toMatchObject({ retryAfterSeconds: 0, next: { failures: i, lockedUntil: null } });
      state = r.next;
    }
    const locks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const counted = attempt(state, now, policy);
      expect(counted.retryAfterSeconds).toBe(0);
      state = counted.next;
      // While locked nothing is counted: the answer is the time left.
      const refused = attempt(state, now, policy);
      expect(refused.next).toBe(state);
      locks.push(refused.retryAfterSeconds);
      now = state.lockedUntil!;
    }
    expect(locks).toEqual([2, 4, 8, 10, 10]);
  });

  it('starts counting again after a quiet window', () => {
    const state = { failures: 4, lastAttemptAt: new Date('2026-12-01T10:00:00Z'), lockedUntil: null };
    const later = new Date('2026-12-01T11:00:01Z');
    expect(attempt(state, later, policy).next).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
