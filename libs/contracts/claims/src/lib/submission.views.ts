import type { Page } from '@claimline/contracts/common';
import type { ClaimStatus } from '@claimline/domain';
import type { ClaimSubmissionStatus, ResponseKind, SubmissionBatchStatus } from './submission.subjects';

/** A batch: one 837P interchange sent to a clearinghouse account. */
export interface SubmissionBatchView {
  id: string;
  practiceId: string;
  account: string;
  fileName: string;
  /** ISA13 / GS06 of the interchange. */
  interchangeControlNumber: string;
  payerId: string;
  payerName: string;
  status: SubmissionBatchStatus;
  claimCount: number;
  /** Why the upload failed for good (a refused login, a refused host key…). */
  error: string | null;
  createdAt: string;
  uploadedAt: string | null;
}

/** A claim that was not put in a batch, and why (scrubbing, enrollment, status). */
export interface SubmissionRefusalView {
  claimId: string;
  patientControlNumber: string | null;
  code: string;
  reason: string;
}

export interface SubmitClaimsResult {
  batches: SubmissionBatchView[];
  refused: SubmissionRefusalView[];
}

/** One response about a submission, in words. */
export interface SubmissionResponseView {
  kind: ResponseKind;
  fileName: string;
  outcome: 'accepted' | 'received' | 'rejected';
  words: string;
  at: string;
}

/** One sending of a claim: the CLM01 it went with, its batch, and every answer. */
export interface ClaimSubmissionView {
  id: string;
  batchId: string;
  fileName: string;
  patientControlNumber: string;
  transactionControlNumber: string;
  status: ClaimSubmissionStatus;
  payerClaimNumber: string | null;
  createdAt: string;
  responses: SubmissionResponseView[];
}

export interface ClaimSubmissionHistoryView {
  claimId: string;
  status: ClaimStatus;
  submissions: ClaimSubmissionView[];
}

/** A rejected claim in the work queue: the latest rejection in words. */
export interface RejectedClaimView {
  claimId: string;
  patientControlNumber: string;
  clientId: string;
  payerName: string;
  totalCents: number;
  version: number;
  reason: string;
  rejectedAt: string;
  submissions: number;
}

export type RejectedClaimPage = Page<RejectedClaimView>;

/** A response file (or part of one) that matched no batch or claim of ours: kept for a person to look at. */
export interface UnmatchedResponseView {
  id: string;
  account: string;
  fileName: string;
  kind: ResponseKind;
  /** The control number or CLM01 that matched nothing, when there was one. */
  reference: string | null;
  reason: string;
  receivedAt: string;
}

export type UnmatchedResponsePage = Page<UnmatchedResponseView>;
export type SubmissionBatchPage = Page<SubmissionBatchView>;

/** A configured clearinghouse account, without its key. */
export interface ClearinghouseAccountView {
  name: string;
  host: string;
  port: number;
  username: string;
  hostKey: string;
  folders: { upload: string; download: string };
  fileNamePattern: string;
  eraNamePattern: string;
  interchange: {
    senderQualifier: string;
    senderId: string;
    receiverQualifier: string;
    receiverId: string;
    applicationSender: string;
    applicationReceiver: string;
    usage: 'T' | 'P';
  };
}
