import { Injectable } from '@nestjs/common';
import { RpcError } from '@claimline/backend/util-nats';
import { ClientInsuranceEnv } from '../config/env';

/**
 * The clearinghouse's real-time port: one X12 request POSTed, one X12 answer back
 * (`application/edi-x12`). Failures are `unavailable` (503) saying what went wrong, never the
 * request's content (it holds PHI).
 */
@Injectable()
export class ClearinghouseRealtimeClient {
  constructor(private readonly env: ClientInsuranceEnv) {}

  async exchange(x12: string): Promise<string> {
    const url = this.env.CLEARINGHOUSE_ELIGIBILITY_URL;
    if (!url)
      throw new RpcError({
        code: 'unavailable',
        message: 'Eligibility checks are not configured (no clearinghouse URL)',
      });
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/edi-x12' },
        body: x12,
        signal: AbortSignal.timeout(this.env.CLEARINGHOUSE_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new RpcError({
        code: 'unavailable',
        message: timedOut
          ? `The clearinghouse did not answer within ${this.env.CLEARINGHOUSE_TIMEOUT_MS} ms`
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
