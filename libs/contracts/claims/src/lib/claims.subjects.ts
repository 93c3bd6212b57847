import type { Role } from '@claimline/contracts/common';

/** Request-reply subjects (`<service>.<entity>.<verb>`), served by claims-service in queue group `claims`. */
export const CLAIMS_SERVICE = 'claims';

export const ClaimsSubjects = {
  feeScheduleGet: 'claims.fee-schedule.get',
  feeSchedulePut: 'claims.fee-schedule.put',
  appointmentCreate: 'claims.appointment.create',
  appointmentGet: 'claims.appointment.get',
  appointmentList: 'claims.appointment.list',
  appointmentUpdate: 'claims.appointment.update',
  appointmentImportPreview: 'claims.appointment-import.preview',
  appointmentImportCommit: 'claims.appointment-import.commit',
  appointmentBillingTypeSet: 'claims.appointment.set-billing-type',
  billingTypeChangeList: 'claims.billing-type-change.list',
  unbilledList: 'claims.unbilled.list',
  healthPing: 'claims.health.ping',
  claimCreateFromAppointments: 'claims.claim.create-from-appointments',
  claimGet: 'claims.claim.get',
  claimStatusInquire: 'claims.claim.status-inquire',
  claimPayerStatus: 'claims.claim.payer-status',
  claimList: 'claims.claim.list',
  claimScrub: 'claims.claim.scrub',
  claimVoid: 'claims.claim.void',
  claimPrint: 'claims.claim.print',
  claimExport: 'claims.claim.export',
  appointmentFileOutside: 'claims.appointment.file-outside',
  /** What payments-service matches an ERA against (no names): served to services only. */
  claimRemittanceRef: 'claims.claim.remittance-ref',
} as const;

/** Durable event types (past tense), published on JetStream through the service's outbox. */
export const ClaimsEventTypes = {
  feeScheduleUpdated: 'claims.fee-schedule.updated',
  appointmentCreated: 'claims.appointment.created',
  appointmentUpdated: 'claims.appointment.updated',
  claimCreated: 'claims.claim.created',
  claimStatusChanged: 'claims.claim.status-changed',
} as const;

/** Fees are money the practice charges: set by those who run its billing, never by a clinician. */
export const FEE_SCHEDULE_EDITOR_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];

export const ATTENDANCES = ['attended', 'no_show', 'late_cancel'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** Telehealth places of service (02 other than home, 10 the client's home) and the modifiers one of them needs. */
export const TELEHEALTH_PLACES_OF_SERVICE = ['02', '10'] as const;
export const TELEHEALTH_MODIFIERS = ['95', '93'] as const;

/** Limits of the 837P and the CMS-1500 that an appointment must already respect. */
export const MAX_MODIFIERS = 4;
export const MAX_DIAGNOSES = 12;
export const MAX_DIAGNOSIS_POINTERS = 4;
export const MAX_SERVICE_LINES = 10;
export const MAX_FEE_SCHEDULE_ENTRIES = 500;

/** Who makes and voids claims: the practice's billing roles (every role of the practice reads them). */
export const CLAIM_EDITOR_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];

/**
 * Which appointments share a claim besides the same client, policy, rendering clinician, billing
 * provider, location and place of service (`groupAppointmentsIntoClaims` of `@claimline/claims`).
 */
export const CLAIM_PERIODS = ['month', 'day', 'appointment'] as const;
export type ClaimPeriod = (typeof CLAIM_PERIODS)[number];

/** Appointments per create-claims request, and claims per 837P download (one NATS message each way). */
export const MAX_CLAIM_BATCH = 1000;
export const MAX_CLAIMS_PER_837P = 500;
