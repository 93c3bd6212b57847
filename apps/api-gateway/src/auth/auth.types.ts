import type { Actor, Role } from '@claimline/contracts/common';

export interface AccessTokenClaims {
  sub: string;
  /** The session (refresh-token family) the token belongs to; checked on every request. */
  sid: string;
  role: Role;
  email: string;
  practiceId: string | null;
}

/** What the guard attaches to an authenticated request. */
export interface AuthenticatedUser {
  id: string;
  sessionId: string;
  email: string;
  role: Role;
  practiceId: string | null;
  actor: Actor;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthenticatedUser;
  }
}
