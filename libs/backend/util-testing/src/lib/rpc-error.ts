import type { RpcErrorBody } from '@claimline/contracts/common';

/**
 * The error body of a call that must fail. A call that succeeds fails the test, and so does one
 * that fails without a body (a timeout, no responder): those are not the service's answer.
 */
export async function rpcError(call: Promise<unknown>): Promise<RpcErrorBody> {
  let outcome: unknown;
  try {
    outcome = await call;
  } catch (error) {
    const body = (error as { body?: RpcErrorBody } | null)?.body;
    if (!body) throw error;
    return body;
  }
  throw new Error(`expected the call to fail, it answered ${JSON.stringify(outcome)}`);
}
