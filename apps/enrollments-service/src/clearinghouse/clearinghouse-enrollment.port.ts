import type { EntityManager } from 'typeorm';
import type { EnrollmentRequestData } from '@claimline/contracts/enrollments';

/**
 * Where enrollment requests leave for the clearinghouse. Called inside the enrollment's
 * transaction: an implementation that talks to a remote system must record the request there
 * (an outbox of its own) rather than call out, so a rolled-back change sends nothing.
 */
export interface ClearinghouseEnrollmentPort {
  /** Sends a new or corrected enrollment request; answers the clearinghouse's reference. */
  submit(
    m: EntityManager,
    enrollmentId: string,
    request: EnrollmentRequestData,
  ): Promise<{ reference: string }>;
  /** Sends the document the payer asked for (a documents-service id). */
  sendDocument(
    m: EntityManager,
    enrollmentId: string,
    reference: string | null,
    documentId: string,
  ): Promise<void>;
}

export const CLEARINGHOUSE_ENROLLMENT = Symbol('CLEARINGHOUSE_ENROLLMENT');
