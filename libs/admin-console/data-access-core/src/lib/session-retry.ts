// How the console renews its session when the API is busy: a 429 on /auth/refresh is waited out
// (Retry-After) and retried with the same refresh token, never taken as the end of the session.
// Framework-free, so it is unit-tested without Angular.

interface HttpErrorLike {
  status?: number;
  headers?: { get(name: string): string | null };
}

/** When the server gives no Retry-After with its 429. */
const DEFAULT_WAIT_MS = 5_000;

/** The refresh was rate-limited for longer than the console waits: shaped like an HTTP error for `toProblem`. */
export class SessionBusyError extends Error {
  readonly status = 429;
  readonly error = {
    title: 'Too many requests',
    detail:
      'The server is too busy to renew your session right now. You are still signed in: try again in a minute.',
  };

  constructor() {
    super('session renewal rate-limited');
  }
}

/** How long a 429 asks to wait (Retry-After: seconds or an HTTP date), in ms; null for any other error. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const e = (error ?? {}) as HttpErrorLike;
  if (e.status !== 429) return null;
  const header = e.headers?.get?.('retry-after')?.trim();
  if (!header) return DEFAULT_WAIT_MS;
  if (/^\d+$/.test(header)) return Math.max(1, Number(header)) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_WAIT_MS : Math.max(1000, at - now);
}

/**
 * Runs `call`, waiting out each 429 and trying again, as long as the waits add up to no more than
 * `maxWaitMs`; then gives up with {@link SessionBusyError}. Other errors are passed on at once.
 */
export async function retryWhileLimited<T>(
  call: () => Promise<T>,
  options: { maxWaitMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let waited = 0;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const wait = retryAfterMs(error);
      if (wait === null) throw error;
      if (waited + wait > options.maxWaitMs) throw new SessionBusyError();
      await sleep(wait);
      waited += wait;
    }
  }
}

/**
 * Whether a failed refresh means the session is over. Only the server refusing the refresh token
 * does; a rate limit, an unreachable or failing server does not (the user stays signed in and the
 * next request tries again).
 */
export function refreshFailureEndsSession(error: unknown): boolean {
  const status = (error as HttpErrorLike | undefined)?.status ?? 0;
  return status >= 400 && status < 500 && status !== 429 && status !== 408;
}
