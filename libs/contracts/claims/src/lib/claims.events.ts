import type { BillingType } from '@claimline/domain';
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

export interface ClaimsEvents {
  'claims.appointment.created': AppointmentChangedEvent;
  'claims.appointment.updated': AppointmentChangedEvent;
  'claims.fee-schedule.updated': FeeScheduleUpdatedEvent;
}
