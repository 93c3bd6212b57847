import type { BillingType, ClaimStatus } from '@claimline/domain';
import type { Attendance } from './claims.subjects';
import type { FeeScheduleEntryView } from './claims.views';

/**
 * An appointment was recorded or changed; `changed` names the fields of the view that differ.
 * Ids and billing facts only (ADR 0015): no date of service, no diagnoses — a consumer asks
 * `claims.appointment.get` for those, scoped and audited like any other read.
 */
export interface AppointmentChangedEvent {
  id: string;
  practiceId: string;
  clientId: string;
  renderingTeamMemberId: string;
  attendance: Attendance;
  billingType: BillingType;
  version: number;
  updatedAt: string;
  changed: string[];
}

/** A practice's whole fee schedule after a PUT (fees are not PHI). */
export interface FeeScheduleUpdatedEvent {
  practiceId: string;
  entries: FeeScheduleEntryView[];
  version: number;
}

/**
 * A claim was made (from appointments, or recorded as filed outside). Ids, status and totals only
 * (ADR 0015): no names, member ID, dates of service, diagnoses or codes.
 */
export interface ClaimCreatedEvent {
  id: string;
  practiceId: string;
  clientId: string;
  payerId: string;
  renderingTeamMemberId: string;
  appointmentIds: string[];
  status: ClaimStatus;
  filedOutside: boolean;
  totalCents: number;
  version: number;
}

/** A claim moved from one status to another through the status machine (`move`). */
export interface ClaimStatusChangedEvent {
  id: string;
  practiceId: string;
  clientId: string;
  from: ClaimStatus;
  to: ClaimStatus;
  move: string;
  version: number;
}

export interface ClaimsEvents {
  'claims.claim.created': ClaimCreatedEvent;
  'claims.claim.status-changed': ClaimStatusChangedEvent;
  'claims.appointment.created': AppointmentChangedEvent;
  'claims.appointment.updated': AppointmentChangedEvent;
  'claims.fee-schedule.updated': FeeScheduleUpdatedEvent;
}
