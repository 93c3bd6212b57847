import { toProblem } from './problem';
import {
  refreshFailureEndsSession,
  retryAfterMs,
  retryWhileLimited,
  SessionBusyError,
} from './session-retry';

const tooMany = (retryAfter: string | null) => ({
  status: 429,
  headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? retryAfter : null) },
});

describe('retryWhileLimited (refresh on a 429)', () => {
  it('waits what Retry-After asks and tries again with the same call', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryWhileLimited(
      async () => {
        calls++;
        if (calls < 3) throw tooMany(calls === 1 ? '2' : '7');
        return 'new pair';
      },
      { maxWaitMs: 60_000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('new pair');
    expect(waits).toEqual([2_000, 7_000]);
  });

  it('gives up with words for the user once the waits would pass the limit', async () => {
    const waits: number[] = [];
    const failing = retryWhileLimited(
      async () => {
        throw tooMany('30');
      },
      { maxWaitMs: 60_000, sleep: async (ms) => void waits.push(ms) },
    );
    await expect(failing).rejects.toBeInstanceOf(SessionBusyError);
    expect(waits).toEqual([30_000, 30_000]);
    const problem = toProblem(await failing.catch((e: unknown) => e));
    expect(problem.status).toBe(429);
    expect(problem.detail).toMatch(/You are still signed in/);
  });

  it('passes any other error on at once', async () => {
    const sleep = jest.fn();
    await expect(
      retryWhileLimited(
        async () => {
          throw { status: 401 };
        },
        { maxWaitMs: 60_000, sleep },
      ),
    ).rejects.toEqual({ status: 401 });
    expect(sleep).not.toHaveBeenCalled();
  });

  it('reads Retry-After as seconds or a date, with a default when it is missing', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(retryAfterMs(tooMany('3'), now)).toBe(3_000);
    expect(retryAfterMs(tooMany('Thu, 03 Dec 2026 10:00:10 GMT'), now)).toBe(10_000);
    expect(retryAfterMs(tooMany(null), now)).toBe(5_000);
    expect(retryAfterMs({ status: 503 }, now)).toBeNull();
  });
});

describe('refreshFailureEndsSession', () => {
  it('ends the session only when the server refuses the refresh token, never on a 429 or an outage', () => {
    expect(refreshFailureEndsSession({ status: 401 })).toBe(true);
    expect(refreshFailureEndsSession({ status: 422 })).toBe(true);
    expect(refreshFailureEndsSession(new SessionBusyError())).toBe(false);
    expect(refreshFailureEndsSession({ status: 429 })).toBe(false);
    expect(refreshFailureEndsSession({ status: 0 })).toBe(false);
    expect(refreshFailureEndsSession({ status: 503 })).toBe(false);
  });
});
