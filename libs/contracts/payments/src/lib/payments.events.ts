import type { ClaimMove } from '@claimline/domain';

/**
 * One claim's result after an ERA transaction was posted: ids and amounts only (ADR 0015).
 * claims-service applies `move` (`era_paid`, `era_denied`, `era_deductible`) when not null.
 */
export interface ClaimAdjudicatedEvent {
  claimId: string;
  practiceId: string;
  clientId: string;
  transactionId: string;
  /** `paid`, `denied`, `deductible`, `partly_paid`, `reversed`. */
  result: string;
  move: ClaimMove | null;
  chargeCents: number;
  paidCents: number;
  clientResponsibilityCents: number;
  writeOffCents: number;
  openCents: number;
}

export interface PaymentsEvents {
  'payments.claim.adjudicated': ClaimAdjudicatedEvent;
}
