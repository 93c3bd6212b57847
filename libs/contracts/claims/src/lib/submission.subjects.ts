import type { Role } from '@claimline/contracts/common';

/**
 * Request-reply subjects of claim submission through a clearinghouse (claims-service, issue #17):
 * batches of 837P sent over SFTP, the acknowledgements (TA1, 999, 277CA) turned into statuses.
 */
export const SubmissionSubjects = {
  submit: 'claims.submission.submit',
  batchList: 'claims.submission.batch-list',
  rejectedList: 'claims.submission.rejected-list',
  history: 'claims.submission.history',
  unmatchedList: 'claims.submission.unmatched-list',
  accountList: 'claims.clearinghouse-account.list',
} as const;

/** Who sends claims: the practice's billing roles. */
export const SUBMISSION_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];

/** Claims per submit request. */
export const MAX_CLAIMS_PER_SUBMISSION = 1000;

/** A batch: recorded (waiting for its upload), uploaded, or refused by the server for good. */
export const SUBMISSION_BATCH_STATUSES = ['pending', 'uploaded', 'failed'] as const;
export type SubmissionBatchStatus = (typeof SUBMISSION_BATCH_STATUSES)[number];

/** Where one submission of a claim stands. */
export const CLAIM_SUBMISSION_STATUSES = [
  'pending',
  'submitted',
  'received',
  'accepted',
  'rejected',
  'not_sent',
] as const;
export type ClaimSubmissionStatus = (typeof CLAIM_SUBMISSION_STATUSES)[number];

/** Kinds of clearinghouse responses. */
export const RESPONSE_KINDS = ['TA1', '999', '277CA', 'unknown'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
