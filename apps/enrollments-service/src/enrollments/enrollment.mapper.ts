import { ENROLLMENT_STATUS_LABELS } from '@claimline/domain';
import type { EnrollmentStatus, EnrollmentType, EnrollmentView } from '@claimline/contracts/enrollments';
import { EnrollmentEntity } from './entities/enrollment.entity';

export function canEnroll(status: EnrollmentStatus): boolean {
  return status === 'enroll' || status === 'rejected';
}

export function toView(row: EnrollmentEntity, payerName: string): EnrollmentView {
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
