import type { EntityManager } from 'typeorm';

/**
 * PostgreSQL channel that tells every gateway replica to drop what it cached about a session
 * (`s:<sessionId>`) or a user (`u:<userId>`). Sent in the transaction of the change, so it is
 * delivered exactly when the change commits.
 */
export const SESSION_CHANNEL = 'gateway_sessions';

type Queryable = Pick<EntityManager, 'query'>;

/** Ends one session: its refresh tokens and, through `sid`, its access tokens. */
export async function revokeSession(m: Queryable, sessionId: string): Promise<void> {
  await m.query('UPDATE gateway.session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    sessionId,
  ]);
  await m.query(
    'UPDATE gateway.refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
    [sessionId],
  );
  await m.query('SELECT pg_notify($1, $2)', [SESSION_CHANNEL, `s:${sessionId}`]);
}

/** Ends every session of a user (new role, new password, deactivation). */
export async function revokeUserSessions(m: Queryable, userId: string): Promise<void> {
  await m.query('UPDATE gateway.session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
  await m.query(
    'UPDATE gateway.refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
    [userId],
  );
  await notifyUserChanged(m, userId);
}

/** The user's role or practices changed: every replica reloads them on the next request. */
export async function notifyUserChanged(m: Queryable, userId: string): Promise<void> {
  await m.query('SELECT pg_notify($1, $2)', [SESSION_CHANNEL, `u:${userId}`]);
}
