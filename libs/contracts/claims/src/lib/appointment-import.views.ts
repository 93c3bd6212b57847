import type { BillingType } from '@claimline/domain';
import type { AppointmentImportColumn } from './appointment-import';
import type { Attendance } from './claims.subjects';

/** One problem of a row, on the column to correct (`row` for the row as a whole). */
export interface AppointmentImportProblem {
  column: AppointmentImportColumn | 'row';
  message: string;
}

/** A row as it would be saved (what could be read of it); the fee is null when the schedule has none. */
export interface AppointmentImportRowValues {
  clientId: string;
  renderingTeamMemberId: string;
  serviceDate: string;
  startTime: string;
  minutes: number | null;
  placeOfService: string;
  locationId: string | null;
  diagnoses: string[];
  procedure: string;
  modifiers: string[];
  units: number | null;
  feeCents: number | null;
  attendance: Attendance | string;
  billingType: BillingType | string;
}

/**
 * One data row. `row` is its line in the spreadsheet (the header is row 1, the first appointment
 * row 2). `valid`: it would be saved; `invalid`: its problems say why not; `imported`: this same
 * file's row was already saved (a re-upload) and will not be saved again.
 */
export interface AppointmentImportRowView {
  row: number;
  status: 'valid' | 'invalid' | 'imported';
  values: AppointmentImportRowValues;
  problems: AppointmentImportProblem[];
  /** The appointment saved from this row, for `imported` rows. */
  appointmentId: string | null;
}

export interface AppointmentImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  imported: number;
}

/** The preview: every row with its problems; nothing is saved. */
export interface AppointmentImportPreview {
  /** SHA-256 of the file's text (hex): with the row number, what makes an import idempotent. */
  fileSha256: string;
  counts: AppointmentImportCounts;
  rows: AppointmentImportRowView[];
}

/** One row of a commit: `created` now, `imported` already (same file, same row), `invalid` not saved. */
export interface AppointmentImportCommitRow {
  row: number;
  status: 'created' | 'imported' | 'invalid';
  appointmentId: string | null;
  problems: AppointmentImportProblem[];
}

/** What a commit did for the rows it was given (all of them, or `fromRow`–`toRow`). */
export interface AppointmentImportResult {
  fileSha256: string;
  /** Data rows in the whole file. */
  totalRows: number;
  created: number;
  /** Rows of this file saved by an earlier upload: nothing new was created for them. */
  alreadyImported: number;
  invalid: number;
  rows: AppointmentImportCommitRow[];
}
