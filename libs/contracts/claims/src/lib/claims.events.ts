import type { AppointmentView, FeeScheduleEntryView } from './claims.views';

/**
 * An appointment was recorded or changed; `changed` names the fields of the view that differ. The
 * view carries the client's id and diagnoses (PHI): consumers keep it in their own encrypted or
 * access-controlled stores only.
 */
export interface AppointmentChangedEvent {
  appointment: AppointmentView;
  changed: string[];
}

/** A practice's whole fee schedule after a PUT. */
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
