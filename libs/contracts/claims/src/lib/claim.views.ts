import type { ClaimStatus } from '@claimline/domain';

/** Where a scrub finding is fixed: the record a biller opens (its id when known) and the field. */
export interface ClaimFindingView {
  /** Stable, dotted: `subscriber.member_id`, `authorization.visits`, `enrollment.claim_filing`… */
  code: string;
  /** An error keeps the claim in Scrub; a warning is shown only. */
  severity: 'error' | 'warning';
  /** In a biller's words. */
  message: string;
  fix: {
    target:
      | 'client'
      | 'policy'
      | 'practice'
      | 'team_member'
      | 'location'
      | 'appointment'
      | 'enrollment'
      | 'authorization'
      | 'claim';
    id?: string;
    field: string;
  };
}

/** One row of the claims list: ids, status and totals (the snapshot's names are in the detail). */
export interface ClaimSummaryView {
  id: string;
  practiceId: string;
  /** CLM01 / box 26: what the payer's answers (277CA, 835) quote back. */
  patientControlNumber: string;
  status: ClaimStatus;
  statusLabel: string;
  clientId: string;
  policyId: string;
  /** The payer record (client-insurance) billed, and its name when the claim was made. */
  payerId: string;
  payerName: string;
  renderingTeamMemberId: string;
  /** First and last date of service, `YYYY-MM-DD`. */
  serviceFrom: string;
  serviceTo: string;
  totalCents: number;
  lineCount: number;
  /** The appointments billed on this claim. */
  appointmentIds: string[];
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequencyCode: '1' | '7' | '8';
  /** Recorded as filed outside Claimline: kept for the record, never submitted. */
  filedOutside: boolean;
  errorCount: number;
  warningCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimLineView {
  appointmentId: string;
  serviceDate: string;
  procedure: string;
  modifiers: string[];
  units: number;
  chargeCents: number;
  placeOfService: string;
  diagnosisPointers: number[];
  /** REF*6R. */
  lineControlNumber: string;
}

/** One status change: who, when, why; the finding codes of a scrub. */
export interface ClaimHistoryView {
  from: ClaimStatus | null;
  to: ClaimStatus;
  /** `create`, `file_outside`, or a move of the status machine (`scrub_pass`, `void`…). */
  move: string;
  /** The words the timeline shows for the move, and the reason given (void). */
  reason: string | null;
  findingCodes: string[];
  actorId: string | null;
  at: string;
}

/** A claim with what it copied at creation (decrypted for this answer), its findings and history. */
export interface ClaimView extends ClaimSummaryView {
  billingProvider: {
    name: string;
    npi: string;
    billAs: 'individual' | 'organization';
    taxonomy: string | null;
  };
  renderingProvider: { name: string; npi: string; taxonomy: string | null };
  patient: { name: string; birthDate: string };
  subscriber: { name: string; memberId: string; groupNumber: string | null };
  payer: { name: string; payerId: string; claimFilingIndicator: string };
  diagnoses: string[];
  lines: ClaimLineView[];
  authorizationNumber: string | null;
  findings: ClaimFindingView[];
  history: ClaimHistoryView[];
  voidReason: string | null;
}

/** An appointment that was not put on a claim, and why. */
export interface NotClaimedView {
  appointmentId: string;
  /** `not_found`, `already_claimed`, `not_attended`, `self_pay`, `no_policy`, `grouping.*`… */
  code: string;
  message: string;
  /** The claim it is already on (`already_claimed`). */
  claimId?: string;
}

export interface CreateClaimsResult {
  claims: ClaimSummaryView[];
  notClaimed: NotClaimedView[];
}

/** A page of claims with, for the same filters but any status, how many claims are in each status. */
export interface ClaimPage {
  items: ClaimSummaryView[];
  total: number;
  limit: number;
  offset: number;
  statusCounts: Partial<Record<ClaimStatus, number>>;
}

/** A file made from claims (CMS-1500 PDF, 837P), base64 over NATS; the gateway sends it as a download. */
export interface ClaimFileView {
  fileName: string;
  contentType: string;
  contentBase64: string;
  /** Claims the 837P writer refused (left out of the file), by patient control number. */
  refused?: { claimId: string; patientControlNumber: string; problems: string[] }[];
}

/**
 * What payments-service needs of a claim to match an ERA (ADR 0022): ids, the control numbers,
 * amounts, the lines' codes and dates. No names, no member ids.
 */
export interface ClaimRemittanceRefView {
  id: string;
  practiceId: string;
  clientId: string;
  payerId: string;
  patientControlNumber: string;
  status: ClaimStatus;
  totalCents: number;
  serviceFrom: string;
  filedOutside: boolean;
  version: number;
  lines: {
    lineControlNumber: string;
    procedure: string;
    modifiers: string[];
    serviceDate: string;
    chargeCents: number;
  }[];
}
