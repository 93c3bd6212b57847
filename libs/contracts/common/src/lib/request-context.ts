export const ROLES = ['admin', 'billing_staff', 'practice_owner', 'clinician'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A signed-in user as the gateway resolved them. `practiceIds` is the tenant scope: `null` means
 * every practice (admins), otherwise the practices this user may see.
 */
export interface Actor {
  userId: string;
  role: Role;
  practiceIds: string[] | null;
}

/** A user, asserted by the gateway. */
export interface UserPrincipal extends Actor {
  kind: 'user';
}

/**
 * A service calling another service as itself. `rights` are the request-reply subjects it means
 * to call with this identity; `practiceIds` the practices it acts for (`null`: none in particular,
 * for shared data such as the payer directory — never "every practice").
 */
export interface ServicePrincipal {
  kind: 'service';
  service: string;
  rights: string[];
  practiceIds: string[] | null;
}

/** Who is asking, as verified from the request's signed assertion: what every handler receives. */
export type Principal = UserPrincipal | ServicePrincipal;

/** The envelope of every request-reply message. Who is asking travels signed in a header, never here. */
export interface RpcRequest<T> {
  data: T;
}

export function userPrincipal(actor: Actor): UserPrincipal {
  return { kind: 'user', userId: actor.userId, role: actor.role, practiceIds: actor.practiceIds };
}

export function servicePrincipal(
  service: string,
  rights: string[],
  practiceIds: string[] | null = null,
): ServicePrincipal {
  return { kind: 'service', service, rights, practiceIds };
}

/** The id written to audit columns: a user's id, or `service:<name>`. */
export function principalId(p: Principal | Actor): string {
  return 'kind' in p && p.kind === 'service' ? `service:${p.service}` : (p as Actor).userId;
}

/**
 * Whether the caller may see a practice. A user with `practiceIds: null` (an admin) sees every
 * practice; a service sees only the practices its assertion names.
 */
export function canSeePractice(p: Principal | Actor, practiceId: string): boolean {
  if (p.practiceIds === null) return !('kind' in p && p.kind === 'service');
  return p.practiceIds.includes(practiceId);
}

/** NATS header names shared by sender and receiver. */
export const HEADER_REQUEST_ID = 'x-request-id';
/** The caller's signed assertion (see `@claimline/backend/util-auth`). */
export const HEADER_ASSERTION = 'x-claimline-assertion';
