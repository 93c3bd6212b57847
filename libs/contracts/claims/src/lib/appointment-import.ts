/**
 * The appointments CSV import: its columns and limits (plain values, shared by the service that
 * parses the file, the gateway that takes the upload and the console that shows the preview).
 */

/** Columns of the appointments CSV, in the order the sample file has them; the header row names them. */
export const APPOINTMENT_IMPORT_COLUMNS = [
  'client_id',
  'clinician_id',
  'date',
  'start_time',
  'minutes',
  'place_of_service',
  'location_id',
  'diagnoses',
  'procedure',
  'modifiers',
  'units',
  'fee',
  'diagnosis_pointers',
  'attendance',
  'billing_type',
] as const;
export type AppointmentImportColumn = (typeof APPOINTMENT_IMPORT_COLUMNS)[number];

/** Columns a file must have; the others may be left out (their defaults are in the service's README). */
export const APPOINTMENT_IMPORT_REQUIRED_COLUMNS: readonly AppointmentImportColumn[] = [
  'client_id',
  'clinician_id',
  'date',
  'start_time',
  'minutes',
  'place_of_service',
  'diagnoses',
  'procedure',
];

/**
 * 512 KB: a few thousand appointments, and the file travels whole in one NATS message (the
 * server's default limit is 1 MB).
 */
export const APPOINTMENT_IMPORT_MAX_BYTES = 512 * 1024;
/** Data rows per file (the header row not counted). */
export const APPOINTMENT_IMPORT_MAX_ROWS = 2000;
