import { RpcError } from '@claimline/backend/util-nats';

/** Where a clearinghouse's real-time port is and how long to wait for it. */
export interface RealtimeEndpoint {
  /** Unset: real-time requests are not configured and each one says so. */
  readonly url?: string;
  readonly timeoutMs: number;
  /** What the requests are, for the "not configured" message, e.g. `Eligibility checks`. */
  readonly what: string;
}

/**
 * A clearinghouse's real-time port (270/271 eligibility, 276/277 claim status): one X12 request
 * POSTed as `application/edi-x12`, one X12 answer back. Failures are `unavailable` (503) saying what
 * went wrong, never the request's content (it holds PHI). Used by client-insurance (eligibility)
 * and claims (claim status), each with its own settings.
 */
export class ClearinghouseRealtimeClient {
  constructor(private readonly endpoint: RealtimeEndpoint) {}

  async exchange(x12: string): Promise<string> {
    const { url, timeoutMs, what } = this.endpoint;
    if (!url)
      throw new RpcError({
        code: 'unavailable',
        message: `${what} are not configured (no clearinghouse URL)`,
      });
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/edi-x12' },
        body: x12,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new RpcError({
        code: 'unavailable',
        message: timedOut
          ? `The clearinghouse did not answer within ${timeoutMs} ms`
          : 'The clearinghouse could not be reached',
      });
    }
    const text = await res.text();
    if (!res.ok)
      throw new RpcError({
        code: 'unavailable',
        message: `The clearinghouse refused the request (HTTP ${res.status}): ${text.slice(0, 200)}`,
      });
    return text;
  }
}
