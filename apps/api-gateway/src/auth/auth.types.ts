import type { Actor, Role } from '@claimline/contracts/common';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  email: string;
  practiceId: string | null;
}

/** What the guard attaches to an authenticated request. */
export interface AuthenticatedUser {
  id: string;
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
