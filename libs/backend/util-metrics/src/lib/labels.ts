import { isRpcErrorBody } from '@claimline/contracts/common';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * `2xx`, `4xx`…: the status class of a response. A response whose connection closed before it was
 * sent is `aborted`. Classes, not codes, keep the number of series small.
 */
export function statusClass(statusCode: number, finished = true): string {
  if (!finished) return 'aborted';
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return 'other';
  return `${Math.floor(statusCode / 100)}xx`;
}

/** The request method, or `other` for anything a client invents (every value is a series). */
export function httpMethod(method: string | undefined): string {
  const m = (method ?? '').toUpperCase();
  return METHODS.has(m) ? m : 'other';
}

/**
 * The outcome of an RPC: `ok`, or the code of the structured error (one of the contract's
 * `RPC_ERROR_CODES`); anything else that came back as an error is `internal`.
 */
export function rpcOutcome(error: unknown): string {
  if (error === undefined || error === null) return 'ok';
  if (isRpcErrorBody(error)) return error.code;
  const body = (error as { body?: unknown }).body;
  if (isRpcErrorBody(body)) return body.code;
  return 'internal';
}
