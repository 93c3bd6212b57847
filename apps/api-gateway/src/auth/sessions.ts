import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SessionEntity } from './entities/session.entity';

/**
 * PostgreSQL channel that tells every gateway replica to drop what it cached about a session
 * (`s:<sessionId>`) or a user (`u:<userId>`). Sent in the transaction of the change, so it is
 * delivered exactly when the change commits.
 */
export const SESSION_CHANNEL = 'gateway_sessions';

/** Ends one session: its refresh tokens and, through `sid`, its access tokens. */
export async function revokeSession(m: EntityManager, sessionId: string): Promise<void> {
  const now = { revokedAt: () => 'now()' };
  await m.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, now);
  await m.update(RefreshTokenEntity, { familyId: sessionId, revokedAt: IsNull() }, now);
  await notify(m, `s:${sessionId}`);
}

/** Ends every session of a user (new role, new password, deactivation). */
export async function revokeUserSessions(m: EntityManager, userId: string): Promise<void> {
  const now = { revokedAt: () => 'now()' };
  await m.update(SessionEntity, { userId, revokedAt: IsNull() }, now);
  await m.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, now);
  await notifyUserChanged(m, userId);
}

/** The user's role or practices changed: every replica reloads them on the next request. */
export async function notifyUserChanged(m: EntityManager, userId: string): Promise<void> {
  await notify(m, `u:${userId}`);
}

// Plain m.query (ADR 0018): a notification, not a row of any table.
async function notify(m: EntityManager, payload: string): Promise<void> {
  await m.query('SELECT pg_notify($1, $2)', [SESSION_CHANNEL, payload]);
}
