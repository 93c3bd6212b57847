/**
 * The error format that crosses NATS. Services raise it; the gateway maps `code` to an HTTP
 * status and renders a problem+json body (RFC 9457) from `message` and `errors`.
 */
export const RPC_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'timeout',
  'internal',
] as const;
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

/** One field that failed one rule, e.g. `{ field: 'npi', rule: 'npi', message: 'NPI 1234567890 fails its check digit' }`. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface RpcErrorBody {
  code: RpcErrorCode;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorBody).message === 'string' &&
    (RPC_ERROR_CODES as readonly string[]).includes((value as RpcErrorBody).code)
  );
}

export const HTTP_STATUS_BY_RPC_CODE: Record<RpcErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  // A service refused the gateway's own assertion: a fault of the deployment, not of the user's session.
  unauthenticated: 500,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};
