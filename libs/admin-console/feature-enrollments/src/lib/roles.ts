import type { Role } from '@claimline/contracts/common';

// The same lists as ENROLLMENT_REQUESTER_ROLES / ENROLLMENT_STAFF_ROLES of the contracts, which
// the console may not import as values (they would pull class-validator into the bundle).
/** +Enroll, the preview and attaching a requested document. */
export const REQUESTER_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];
/** Record the payer's answer (the local clearinghouse): accept, reject, require a document. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'billing_staff'];

export function can(roles: readonly Role[], role: Role | null): boolean {
  return role !== null && roles.includes(role);
}
