import type { Role } from '@claimline/contracts/common';

/** Roles whose users belong to exactly one practice (`practiceId` required, other roles refuse it). */
export const PRACTICE_ROLES: readonly Role[] = ['practice_owner', 'clinician'];

export function isPracticeRole(role: Role | null | undefined): boolean {
  return role != null && PRACTICE_ROLES.includes(role);
}

/** A console account (GET/POST/PATCH /api/v1/users). */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The practice of a practice owner or clinician; null for admins and billing staff. */
  practiceId: string | null;
  /** Billing staff: the practices they are assigned to; other roles: null. */
  practiceIds: string[] | null;
  active: boolean;
  createdAt: string;
}

/** POST /api/v1/users. */
export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  /** Required for practice owners and clinicians, refused for the others. */
  practiceId?: string;
}

/** PATCH /api/v1/users/:userId. */
export interface UpdateUserInput {
  displayName?: string;
  /** Refused (422 on `active`) for your own account. */
  active?: boolean;
  password?: string;
  /**
   * A new role (refused on `role` for your own account). Changing it ends every session of the
   * user; leaving billing staff drops their practice assignments.
   */
  role?: Role;
  /** Only together with `role`: required for practice owners and clinicians, refused for the others. */
  practiceId?: string;
}

/** PUT /api/v1/users/:userId/practices: the practices a billing staff member works on. */
export interface AssignPracticesInput {
  practiceIds: string[];
}
