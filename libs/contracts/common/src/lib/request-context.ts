export const ROLES = ['admin', 'billing_staff', 'practice_owner', 'clinician'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking, sent with every request over NATS. `practiceIds` is the tenant scope the
 * gateway resolved for the user: `null` means every practice (admins), otherwise the
 * practices this user may see. Services scope every query by it.
 */
export interface Actor {
  userId: string;
  role: Role;
  practiceIds: string[] | null;
}

/** The envelope of every request-reply message: the caller's scope and the command or query. */
export interface RpcRequest<T> {
  actor: Actor;
  data: T;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'admin', practiceIds: null };

export function canSeePractice(actor: Actor, practiceId: string): boolean {
  return actor.practiceIds === null || actor.practiceIds.includes(practiceId);
}

/** NATS header names shared by sender and receiver. */
export const HEADER_REQUEST_ID = 'x-request-id';
