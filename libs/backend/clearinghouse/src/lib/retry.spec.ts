import { ConnectionFailedError, HostKeyRefusedError, isTransient, LoginRefusedError } from './errors';
import { backoffDelay, withRetry } from './retry';

const policy = { attempts: 4, initialDelayMs: 100, maxDelayMs: 300 };
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('retries', () => {
  it('doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(policy, n))).toEqual([100, 200, 300, 300]);
  });

  it('tells passing errors from lasting ones', () => {
    expect(isTransient(refused())).toBe(true);
    expect(
      isTransient(
        Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' }),
      ),
    ).toBe(true);
    expect(isTransient(Object.assign(new Error('Connection lost'), { code: 7 }))).toBe(true);
    expect(isTransient(new LoginRefusedError('no'))).toBe(false);
    expect(isTransient(new HostKeyRefusedError('no'))).toBe(false);
    expect(isTransient(Object.assign(new Error('Permission denied'), { code: 3 }))).toBe(false);
  });

  it('retries a refused connection with back-off, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(
      policy,
      async () => {
        if (++calls < 3) throw refused();
        return 'ok';
      },
      undefined,
      async (ms) => void waits.push(ms),
    );
    expect(value).toBe('ok');
    expect(waits).toEqual([100, 200]);
  });

  it('never retries a refused login', async () => {
    let calls = 0;
    await expect(
      withRetry(policy, async () => {
        calls++;
        throw new LoginRefusedError('refused');
      }),
    ).rejects.toBeInstanceOf(LoginRefusedError);
    expect(calls).toBe(1);
  });

  it('gives up after the last attempt, saying how many', async () => {
    const error = await withRetry(
      policy,
      async () => Promise.reject(refused()),
      undefined,
      async () => undefined,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFailedError);
    expect((error as ConnectionFailedError).attempts).toBe(4);
  });
});
