import type { EnrollmentStatus, EnrollmentType } from '@claimline/contracts/enrollments';

/** What the payer directory says about enrollment, as kept in `payer_ref`. */
export interface PayerRequirements {
  claimFilingEnrollmentRequired: boolean;
  eraSupported: boolean;
  eraEnrollmentRequired: boolean;
}

/**
 * The status of an enrollment nobody has submitted yet:
 * - payment reports the payer does not offer: `not_supported` (whether clients use it or not:
 *   there is nothing to enroll in, and the practice must share EOBs instead);
 * - no client of the practice uses the payer: `no_clients_on_file` (it cannot be enrolled);
 * - otherwise `enroll` when the payer requires it, `not_required` when it does not.
 */
export function deriveStatus(
  payer: PayerRequirements,
  type: EnrollmentType,
  hasClients: boolean,
): EnrollmentStatus {
  if (type === 'payment_reports' && !payer.eraSupported) return 'not_supported';
  if (!hasClients) return 'no_clients_on_file';
  const required =
    type === 'claim_filing' ? payer.claimFilingEnrollmentRequired : payer.eraEnrollmentRequired;
  return required ? 'enroll' : 'not_required';
}
