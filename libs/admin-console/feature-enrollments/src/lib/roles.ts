import type { Role } from '@claimline/contracts/common';
import { ENROLLMENT_REQUESTER_ROLES, ENROLLMENT_STAFF_ROLES } from '@claimline/contracts/enrollments/plain';

/** +Enroll, the preview and attaching a requested document. */
export const REQUESTER_ROLES = ENROLLMENT_REQUESTER_ROLES;
/** Record the payer's answer (the local clearinghouse): accept, reject, require a document. */
export const STAFF_ROLES = ENROLLMENT_STAFF_ROLES;

export function can(roles: readonly Role[], role: Role | null): boolean {
  return role !== null && roles.includes(role);
}
