import { ConnectionFailedError, isTransient } from './errors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, initialDelayMs: 500, maxDelayMs: 30_000 };

/** The wait before try `attempt + 1` (attempt counts from 1): doubling, capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
}

/**
 * Runs `work` until it succeeds, retrying only transient errors (isTransient) with back-off;
 * any other error is thrown at once; after the last attempt a ConnectionFailedError.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  work: (attempt: number) => Promise<T>,
  onRetry: (attempt: number, delayMs: number, error: unknown) => void = () => undefined,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= policy.attempts)
        throw new ConnectionFailedError(
          `gave up after ${attempt} attempts: ${(error as Error)?.message ?? String(error)}`,
          attempt,
          error,
        );
      const delay = backoffDelay(policy, attempt);
      onRetry(attempt, delay, error);
      await sleep(delay);
    }
  }
}
