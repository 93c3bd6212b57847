import type { Role } from '@claimline/contracts/common';

export const AUDIT_ACTIONS = ['list', 'read', 'create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The records the gateway audits: the only names `@Audit({ resource })` accepts. */
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
  'appointment',
  'fee_schedule',
  'appointment_import',
  'claim',
  'claim_file',
  'claim_submission',
  'clearinghouse',
  'email',
  'user',
  'user_practices',
  'session',
  'audit_event',
  'message_thread',
  'message',
  'messaging_unread',
  'messaging_preference',
  'era',
  'claim_payment',
  'unmatched_payment',
  'client_ledger',
] as const;
export type AuditResource = (typeof AUDIT_RESOURCES)[number];

/** One audit row (GET /api/v1/audit-events): who read or changed which record, when, with what outcome. */
export interface AuditEventView {
  id: string;
  /** ISO 8601. */
  at: string;
  userId: string | null;
  role: Role | null;
  action: AuditAction;
  resourceType: AuditResource;
  resourceId: string | null;
  practiceId: string | null;
  /** The HTTP status the request ended with (refused attempts are recorded too). */
  status: number;
  requestId: string | null;
  ip: string | null;
}

/** The filters GET /api/v1/audit-events accepts (besides `limit` and `offset`). */
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
