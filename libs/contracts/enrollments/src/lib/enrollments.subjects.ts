import type { Role } from '@claimline/contracts/common';

/** Request-reply subjects (`<service>.<entity>.<verb>`), served by enrollments-service in queue group `enrollments`. */
export const ENROLLMENTS_SERVICE = 'enrollments';

export const EnrollmentsSubjects = {
  list: 'enrollments.enrollment.list',
  preview: 'enrollments.enrollment.preview',
  enroll: 'enrollments.enrollment.enroll',
  get: 'enrollments.enrollment.get',
  act: 'enrollments.enrollment.act',
  history: 'enrollments.enrollment.history',
  /** Claims ask: may claims for this payer from this billing identity be sent electronically? */
  claimFilingCheck: 'enrollments.claim-filing.check',
  /** Claims/ERA posting ask: are ERAs (payment reports) expected from this payer for this identity? */
  eraCheck: 'enrollments.era.check',
  healthPing: 'enrollments.health.ping',
} as const;

/** Staff record the payer's answer (accept, reject with a reason, ask for a document). */
export const ENROLLMENT_STAFF_ROLES: readonly Role[] = ['admin', 'billing_staff'];
/** +Enroll and answering a document request. */
export const ENROLLMENT_REQUESTER_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];

/** What a PATCH of an enrollment does; `attach_document` is the practice's, the others staff's. */
export const ENROLLMENT_ACTIONS = ['accept', 'reject', 'require_document', 'attach_document'] as const;
export type EnrollmentAction = (typeof ENROLLMENT_ACTIONS)[number];
