/** The server did not accept our key: never retried (clearinghouses lock accounts after a few). */
export class LoginRefusedError extends Error {
  override readonly name = 'LoginRefusedError';
}

/** The server showed a host key other than the pinned one: never retried, nothing sent. */
export class HostKeyRefusedError extends Error {
  override readonly name = 'HostKeyRefusedError';
}

/** A file of that name is already on the server with other content: a naming problem, not retried. */
export class RemoteFileConflictError extends Error {
  override readonly name = 'RemoteFileConflictError';
}

/** The attempts ran out on errors that could pass (connection refused, reset, timed out). */
export class ConnectionFailedError extends Error {
  override readonly name = 'ConnectionFailedError';
  constructor(
    message: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * Whether trying again may help: network errors, timeouts and lost connections yes; a refused
 * login, a refused host key, a file conflict or an SFTP answer like "permission denied" no.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof LoginRefusedError || error instanceof HostKeyRefusedError) return false;
  if (error instanceof RemoteFileConflictError) return false;
  const e = error as { code?: unknown; level?: unknown; message?: unknown };
  if (typeof e?.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  // ssh2: the socket failed or the handshake timed out.
  if (e?.level === 'client-socket' || e?.level === 'client-timeout') return true;
  // ssh2's SFTP: 6 no connection, 7 connection lost.
  if (e?.code === 6 || e?.code === 7) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /no response from server|connection lost|not connected|channel (open )?fail|socket (hang up|closed)|ended|keepalive timeout/i.test(
    message,
  );
}
