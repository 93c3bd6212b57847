import type { EntityManager } from 'typeorm';
import { ENROLLMENT_STATUS_LABELS } from '@claimline/domain';
import type { EnrollmentStatus, EnrollmentType, EnrollmentView } from '@claimline/contracts/enrollments';
import { SCHEMA } from '../config/env';

export interface EnrollmentRow {
  id: string;
  practiceId: string;
  payerId: string;
  type: EnrollmentType;
  status: EnrollmentStatus;
  billingNpi: string;
  taxIdIndex: string;
  taxIdDisplay: string | null;
  clearinghouseReference: string | null;
  reason: string | null;
  instructions: string | null;
  documentId: string | null;
  version: number;
  updatedAt: Date;
}

export const ROW_COLUMNS = `"id", "practice_id" AS "practiceId", "payer_id" AS "payerId", "type", "status", "billing_npi" AS "billingNpi",
  "tax_id_index" AS "taxIdIndex", "tax_id_display" AS "taxIdDisplay", "clearinghouse_reference" AS "clearinghouseReference",
  "reason", "instructions", "document_id" AS "documentId", "version", "updated_at" AS "updatedAt"`;

export const T = `"${SCHEMA}"."enrollment"`;

export async function rowsOf(
  m: EntityManager,
  practiceId: string,
  payerId: string,
  type: EnrollmentType,
  lock = false,
): Promise<EnrollmentRow[]> {
  return m.query(
    `SELECT ${ROW_COLUMNS} FROM ${T} WHERE "practice_id" = $1 AND "payer_id" = $2 AND "type" = $3 ORDER BY "created_at", "id"${lock ? ' FOR UPDATE' : ''}`,
    [practiceId, payerId, type],
  );
}

export async function rowById(m: EntityManager, id: string, lock = false): Promise<EnrollmentRow | null> {
  const rows: EnrollmentRow[] = await m.query(
    `SELECT ${ROW_COLUMNS} FROM ${T} WHERE "id" = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export function canEnroll(status: EnrollmentStatus): boolean {
  return status === 'enroll' || status === 'rejected';
}

export function toView(row: EnrollmentRow, payerName: string): EnrollmentView {
  return {
    id: row.id,
    practiceId: row.practiceId,
    payerId: row.payerId,
    payerName,
    type: row.type,
    status: row.status,
    statusLabel: ENROLLMENT_STATUS_LABELS[row.status],
    canEnroll: canEnroll(row.status),
    billingNpi: row.billingNpi || null,
    taxId: row.taxIdDisplay,
    clearinghouseReference: row.clearinghouseReference,
    reason: row.reason,
    instructions: row.instructions,
    documentId: row.documentId,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A payer × type nothing was ever stored for: its status follows from the directory and clients on file. */
export function derivedView(
  practiceId: string,
  payerId: string,
  payerName: string,
  type: EnrollmentType,
  status: EnrollmentStatus,
): EnrollmentView {
  return {
    id: null,
    practiceId,
    payerId,
    payerName,
    type,
    status,
    statusLabel: ENROLLMENT_STATUS_LABELS[status],
    canEnroll: false,
    billingNpi: null,
    taxId: null,
    clearinghouseReference: null,
    reason: null,
    instructions: null,
    documentId: null,
    version: 0,
    updatedAt: null,
  };
}

/** Runs an `UPDATE … RETURNING` (TypeORM answers `[rows, count]` for updates) and gives the one row. */
export async function updateOne(m: EntityManager, sql: string, params: unknown[]): Promise<EnrollmentRow> {
  const result: unknown[] = await m.query(sql, params);
  const rows = (Array.isArray(result[0]) ? result[0] : result) as EnrollmentRow[];
  if (rows.length !== 1) throw new Error(`expected one enrollment to change, got ${rows.length}`);
  return rows[0];
}
