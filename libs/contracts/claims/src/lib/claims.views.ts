import type { BillingType } from '@claimline/domain';
import type { Attendance } from './claims.subjects';

/** One fee: a procedure with exactly these modifiers (in any order) costs `feeCents`. */
export interface FeeScheduleEntryView {
  procedure: string;
  modifiers: string[];
  feeCents: number;
}

/** A practice's fee schedule; `version` 0 means none was ever saved. */
export interface FeeScheduleView {
  practiceId: string;
  entries: FeeScheduleEntryView[];
  version: number;
  updatedAt: string | null;
}

export interface ServiceLineView {
  /** CPT or HCPCS. */
  procedure: string;
  /** At most 4, in billing order. */
  modifiers: string[];
  units: number;
  feeCents: number;
  /** `schedule` when the fee came from the fee schedule, `override` when the caller gave it. */
  feeSource: 'schedule' | 'override';
  /** 1-based indexes into the appointment's `diagnoses`, at most 4, the first the line's main one. */
  diagnosisPointers: number[];
}

export interface AppointmentView {
  id: string;
  practiceId: string;
  clientId: string;
  /** The team member who rendered the service; practice-settings confirmed a Type 1 NPI. */
  renderingTeamMemberId: string;
  /** The rendering clinician's NPI when the appointment was last saved. */
  renderingNpi: string;
  /** Date of service, `YYYY-MM-DD`, in the practice's own time. */
  serviceDate: string;
  /** `HH:MM`, 24-hour, in the practice's own time. */
  startTime: string;
  minutes: number;
  /** The office location; null for telehealth. */
  locationId: string | null;
  placeOfService: string;
  /** ICD-10-CM codes, dotted (`F43.10`), in claim order; the first is the principal diagnosis. */
  diagnoses: string[];
  lines: ServiceLineView[];
  attendance: Attendance;
  billingType: BillingType;
  version: number;
  createdAt: string;
  updatedAt: string;
}
