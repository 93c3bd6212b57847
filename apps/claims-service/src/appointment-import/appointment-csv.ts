import { parse } from 'csv-parse/sync';
import type { FieldError } from '@claimline/contracts/common';
import {
  APPOINTMENT_IMPORT_COLUMNS,
  APPOINTMENT_IMPORT_MAX_ROWS,
  APPOINTMENT_IMPORT_REQUIRED_COLUMNS,
  MAX_DIAGNOSIS_POINTERS,
  type AppointmentImportColumn,
  type AppointmentImportProblem,
  type AppointmentImportRowValues,
  type CreateAppointmentBody,
} from '@claimline/contracts/claims';

/** One data row of the file: its spreadsheet row number, the body it makes and what could not be read. */
export interface CsvAppointmentRow {
  row: number;
  body: CreateAppointmentBody;
  values: AppointmentImportRowValues;
  problems: AppointmentImportProblem[];
}

/** A whole file that cannot be imported (no header, an unknown column, a broken quote): 422 on `file`. */
export class CsvFileError extends Error {}

const LIST = /[\s;,|]+/;
const UUID_LIKE = /^[0-9a-f-]+$/i;

/**
 * Reads the appointments CSV (RFC 4180, parsed by csv-parse): the header row names the columns in
 * any order (case and spaces ignored), each later row is one appointment with one service line.
 * Row numbers are the spreadsheet's (header = 1); blank rows are skipped but keep their numbers.
 * Cells are turned into a `CreateAppointmentBody` with the leniency a spreadsheet needs (a place
 * of service `2` is `02`, a date `11/3/2026` is `2026-11-03`, a fee `$150.00` is 15000 cents);
 * what cannot be read at all is a problem on its column, the rest is left to the appointment's rules.
 */
export function readAppointmentsCsv(text: string): CsvAppointmentRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new CsvFileError(`The file is not a readable CSV: ${(error as Error).message}`);
  }
  const headerAt = records.findIndex((r) => !blank(r));
  if (headerAt < 0) throw new CsvFileError('The file is empty: the first row must name the columns');
  const header = records[headerAt].map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const unknown = header.filter((h) => h && !(APPOINTMENT_IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new CsvFileError(
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: the columns are ${APPOINTMENT_IMPORT_COLUMNS.join(', ')}`,
    );
  const twice = header.filter((h, i) => h && header.indexOf(h) !== i);
  if (twice.length) throw new CsvFileError(`The column ${twice[0]} is named twice`);
  const missing = APPOINTMENT_IMPORT_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CsvFileError(`The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`);

  const rows: CsvAppointmentRow[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const record = records[i];
    if (blank(record)) continue;
    if (rows.length === APPOINTMENT_IMPORT_MAX_ROWS)
      throw new CsvFileError(
        `The file has more than ${APPOINTMENT_IMPORT_MAX_ROWS} appointments: split it into several files`,
      );
    const cell = (c: AppointmentImportColumn): string => {
      const at = header.indexOf(c);
      return at < 0 ? '' : (record[at] ?? '').trim();
    };
    rows.push(readRow(i + 1, cell, record.length > header.length));
  }
  return rows;
}

function readRow(
  row: number,
  cell: (c: AppointmentImportColumn) => string,
  extra: boolean,
): CsvAppointmentRow {
  const problems: AppointmentImportProblem[] = [];
  const problem = (column: AppointmentImportProblem['column'], message: string) =>
    problems.push({ column, message });
  if (extra) problem('row', 'The row has more cells than the header has columns');

  const diagnoses = split(cell('diagnoses'));
  const modifiers = split(cell('modifiers')).map((m) => m.toUpperCase());
  const minutes = wholeNumber(cell('minutes'));
  if (cell('minutes') && minutes === null)
    problem('minutes', `"${cell('minutes')}" is not a number of minutes`);
  const units = cell('units') ? wholeNumber(cell('units')) : 1;
  if (units === null) problem('units', `"${cell('units')}" is not a whole number of units`);
  const feeCents = cell('fee') ? cents(cell('fee')) : undefined;
  if (feeCents === null) problem('fee', `"${cell('fee')}" is not an amount in dollars, e.g. 150.00`);
  const pointers = cell('diagnosis_pointers')
    ? split(cell('diagnosis_pointers')).map((p) => wholeNumber(p))
    : diagnoses.slice(0, MAX_DIAGNOSIS_POINTERS).map((_, i) => i + 1);
  if (pointers.some((p) => p === null))
    problem('diagnosis_pointers', `"${cell('diagnosis_pointers')}" must be diagnosis numbers, e.g. 1 2`);

  const locationId = cell('location_id') || null;
  const line = {
    procedure: cell('procedure').toUpperCase(),
    modifiers,
    units: units ?? 0,
    ...(feeCents !== undefined && feeCents !== null && { feeCents }),
    diagnosisPointers: pointers.filter((p): p is number => p !== null),
  };
  const body: CreateAppointmentBody = {
    clientId: cell('client_id').toLowerCase(),
    renderingTeamMemberId: cell('clinician_id').toLowerCase(),
    serviceDate: isoDate(cell('date')),
    startTime: time(cell('start_time')),
    minutes: minutes ?? 0,
    locationId: locationId && UUID_LIKE.test(locationId) ? locationId.toLowerCase() : locationId,
    placeOfService: /^\d$/.test(cell('place_of_service'))
      ? `0${cell('place_of_service')}`
      : cell('place_of_service'),
    diagnoses,
    lines: [line],
    attendance: (word(cell('attendance')) || 'attended') as CreateAppointmentBody['attendance'],
    billingType: (word(cell('billing_type')) || 'insurance') as CreateAppointmentBody['billingType'],
  };
  const values: AppointmentImportRowValues = {
    clientId: body.clientId,
    renderingTeamMemberId: body.renderingTeamMemberId,
    serviceDate: body.serviceDate,
    startTime: body.startTime,
    minutes,
    placeOfService: body.placeOfService,
    locationId: body.locationId ?? null,
    diagnoses,
    procedure: line.procedure,
    modifiers,
    units,
    feeCents: feeCents ?? null,
    attendance: body.attendance,
    billingType: body.billingType,
  };
  return { row, body, values, problems };
}

/**
 * The column of a field error of `appointment.create` (`lines.0.feeCents` → `fee`), so the
 * preview names the cell to correct; what belongs to no column is the row's.
 */
export function columnOf(field: string): AppointmentImportProblem['column'] {
  const [head, , leaf] = field.split('.');
  const byField: Record<string, AppointmentImportColumn> = {
    clientId: 'client_id',
    renderingTeamMemberId: 'clinician_id',
    serviceDate: 'date',
    startTime: 'start_time',
    minutes: 'minutes',
    locationId: 'location_id',
    placeOfService: 'place_of_service',
    diagnoses: 'diagnoses',
    attendance: 'attendance',
    billingType: 'billing_type',
  };
  const byLineField: Record<string, AppointmentImportColumn> = {
    procedure: 'procedure',
    modifiers: 'modifiers',
    units: 'units',
    feeCents: 'fee',
    diagnosisPointers: 'diagnosis_pointers',
  };
  if (head === 'lines') return (leaf && byLineField[leaf]) || 'procedure';
  return byField[head] ?? 'row';
}

/** Field errors as the preview shows them: on their column, one message per column and text. */
export function toRowProblems(errors: readonly FieldError[]): AppointmentImportProblem[] {
  const seen = new Set<string>();
  return errors
    .map((e) => ({ column: columnOf(e.field), message: e.message }))
    .filter((p) => {
      const key = `${p.column}\n${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function blank(record: readonly string[]): boolean {
  return record.every((c) => c.trim() === '');
}

function split(value: string): string[] {
  return value.split(LIST).filter(Boolean);
}

function wholeNumber(value: string): number | null {
  return /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** `150`, `150.5`, `$1,150.00` → cents; null when it is not an amount. */
export function cents(value: string): number | null {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1].replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** `2026-11-03` as is; `11/3/2026` (the US way a spreadsheet writes it) → `2026-11-03`; else as given. */
export function isoDate(value: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return us ? `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` : value;
}

/** `9:00` → `09:00`; else as given (the appointment's rule words the problem). */
function time(value: string): string {
  return /^\d:\d{2}$/.test(value) ? `0${value}` : value;
}

/** `No-show`, `late cancel`, `Self-pay` → `no_show`, `late_cancel`, `self_pay`. */
function word(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
