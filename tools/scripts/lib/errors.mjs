// @ts-check
// What the scripts read from whatever was thrown: a `catch` gets `unknown`, and drivers throw
// errors with codes (`ENOENT`, PostgreSQL's `3D000`) that plain `Error` does not declare.

/**
 * The message of a thrown value: an error's message, else the value as text.
 * @param {unknown} error
 * @returns {string}
 */
export function messageOf(error) {
  const message = /** @type {{ message?: unknown } | null | undefined} */ (error)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * The `code` of a Node, pg or nats error (`EADDRINUSE`, `3D000`, `AUTHORIZATION_VIOLATION`), if any.
 * @param {unknown} error
 * @returns {string | undefined}
 */
export function codeOf(error) {
  const code = /** @type {{ code?: unknown } | null | undefined} */ (error)?.code;
  return code === undefined || code === null ? undefined : String(code);
}
