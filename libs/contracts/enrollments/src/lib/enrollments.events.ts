import type { ENROLLMENT_STATUSES, ENROLLMENT_TYPES } from '@claimline/domain';

export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];

/** Durable event types of the enrollments service (published through its outbox). */
export const EnrollmentsEventTypes = {
  statusChanged: 'enrollments.enrollment.status-changed',
} as const;

/**
 * One enrollment moved from one status to another. Carries no PHI: a payer, a practice and a
 * status. The notifications service e-mails the practice on accepted, rejected and
 * document_required.
 */
export interface EnrollmentStatusChangedEvent {
  enrollmentId: string;
  practiceId: string;
  payerId: string;
  payerName: string;
  type: EnrollmentType;
  from: EnrollmentStatus | null;
  to: EnrollmentStatus;
  /** Why (a rejection reason, the document the payer asks for), in the payer's or staff's words. */
  reason: string | null;
  changedBy: string | null;
  changedAt: string;
}

export interface EnrollmentsEvents {
  'enrollments.enrollment.status-changed': EnrollmentStatusChangedEvent;
}
