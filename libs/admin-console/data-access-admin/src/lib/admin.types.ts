import type { Role } from '@claimline/contracts/common';

// The gateway's own views (apps/api-gateway/src/users, src/audit): no contracts lib carries
// them, so the console states the shape it reads here.

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

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  /** Required for practice owners and clinicians, refused for the others. */
  practiceId?: string;
}

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

export const AUDIT_ACTIONS = ['list', 'read', 'create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The records the gateway audits (its `@Audit({ resource })` names). */
export const AUDIT_RESOURCES = [
  'practice',
  'billing_profile',
  'location',
  'team_member',
  'readiness',
  'client',
  'client_missing_info',
  'insurance_policy',
  'authorization',
  'payer',
  'document',
  'document_content',
  'enrollment',
  'enrollment_history',
  'enrollment_request',
  'email',
  'user',
  'user_practices',
] as const;

/** One audit row (GET /api/v1/audit-events): who read or changed which record, when, with what outcome. */
export interface AuditEventView {
  id: string;
  at: string;
  userId: string | null;
  role: Role | null;
  action: AuditAction | string;
  resourceType: string;
  resourceId: string | null;
  practiceId: string | null;
  /** The HTTP status the request ended with (refused attempts are recorded too). */
  status: number;
  requestId: string | null;
  ip: string | null;
}

/** The filters GET /api/v1/audit-events accepts. */
export interface AuditFilters {
  userId?: string;
  practiceId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: AuditAction;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
}

export interface PageRequest {
  limit: number;
  offset: number;
}
