import type { ClaimMove } from '@claimline/domain';
import type { Adjustment, RemitPerson, RemittanceHeader } from '@claimline/x12';

/** Money is integer cents throughout. Dates are ISO `YYYY-MM-DD`. */

/** One line of one of our claims, as the claims service knows it. */
export interface KnownClaimLine {
  readonly lineId: string;
  /** REF*6R we sent (`<pcn>-L<n>`). */
  readonly lineControlNumber?: string;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly serviceDate: string;
  readonly charge: number;
}

/** What an earlier ERA posted on a claim, as the caller stored it. */
export interface PriorPosting {
  /** The caller's id of the posting, or its `postingKey`. */
  readonly postingId: string;
  readonly transactionKey: string;
  readonly payerClaimNumber: string;
  readonly statusCode: string;
  readonly charge: number;
  readonly paid: number;
  readonly clientResponsibility: number;
  /** The part of `clientResponsibility` that is deductible (PR 1). */
  readonly deductible: number;
  readonly writeOff: number;
  readonly otherAdjustments: number;
  /** Our lines this posting paid or adjusted. */
  readonly lineIds: readonly string[];
  /** Undone by a later reversal (CLP02 22). */
  readonly reversed: boolean;
}

export interface KnownClaim {
  readonly claimId: string;
  readonly clientId: string;
  readonly payerId?: string;
  /** The claim's total charge. */
  readonly charge: number;
  readonly lines: readonly KnownClaimLine[];
  /** Earlier postings on this claim (all ERAs), reversed ones included. */
  readonly postings: readonly PriorPosting[];
}

export interface ClaimRef {
  /** CLP01 exactly as the payer sent it. */
  readonly controlNumber: string;
  /** Set when CLP01 is a patient control number we wrote (`parsePatientControlNumber`). */
  readonly sequence?: number;
  readonly resubmission?: number;
}

/**
 * The caller's ports. `findClaims` is called with batches of CLP01s (see `PlanOptions.batchSize`)
 * and answers with the claims it knows, keyed by `controlNumber`. It is asked about every CLP01,
 * ours (`sequence` set) or not, so a service may also answer claims filed outside Claimline by the
 * control number it recorded for them.
 */
export interface PostingPorts {
  findClaims(
    refs: readonly ClaimRef[],
  ): ReadonlyMap<string, KnownClaim> | Promise<ReadonlyMap<string, KnownClaim>>;
  /** Whether a transaction with this duplicate key was already imported (from any file). */
  isKnownTransaction(key: string): boolean | Promise<boolean>;
}

export type AdjustmentKind =
  'write_off' | 'deductible' | 'coinsurance' | 'copay' | 'client_other' | 'other' | 'payer_reduction';

export interface ClassifiedAdjustment extends Adjustment {
  readonly kind: AdjustmentKind;
}

export interface ClientShare {
  readonly deductible: number;
  readonly coinsurance: number;
  readonly copay: number;
  readonly other: number;
  readonly total: number;
}

export type LineMatch = 'line_control_number' | 'code_and_date' | 'modifiers_dropped' | 'none';

export interface LinePosting {
  /** Our line, when matched. */
  readonly lineId?: string;
  readonly matchedBy: LineMatch;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly serviceDate?: string;
  readonly lineControlNumber?: string;
  readonly units?: number;
  readonly charge: number;
  /** AMT*B6 when sent, else paid + client responsibility. */
  readonly allowed: number;
  readonly paid: number;
  readonly clientResponsibility: ClientShare;
  readonly writeOff: number;
  readonly otherAdjustments: number;
  readonly adjustments: readonly ClassifiedAdjustment[];
  readonly remarkCodes: readonly string[];
}

export type PostingFlagCode =
  | 'modifiers_dropped'
  | 'line_unmatched'
  | 'reversal_without_original'
  | 'duplicate_payment'
  | 'crossover'
  | 'write_off_too_high'
  | 'payment_missing'
  | 'over_accounted';

export interface PostingFlag {
  readonly code: PostingFlagCode;
  readonly message: string;
}

/** One CLP matched to one of our claims. */
export interface ClaimPosting {
  /** `<transactionKey>#<n>`: the n-th CLP (1-based) of the transaction; stable across re-imports. */
  readonly postingKey: string;
  readonly kind: 'payment' | 'reversal';
  readonly claimId: string;
  readonly clientId: string;
  readonly controlNumber: string;
  readonly payerClaimNumber: string;
  readonly statusCode: string;
  /** CLP02 19/20/21: the payer sent the claim on to the next payer; create no secondary. */
  readonly crossover: boolean;
  readonly charge: number;
  readonly paid: number;
  /** CLP05 as the payer reported it. */
  readonly reportedPatientResponsibility?: number;
  readonly clientResponsibility: ClientShare;
  readonly writeOff: number;
  readonly otherAdjustments: number;
  /** Claim-level CAS, kept at claim level (never spread onto lines). */
  readonly claimAdjustments: readonly ClassifiedAdjustment[];
  readonly lines: readonly LinePosting[];
  /** For a reversal: the posting it undoes, when found. */
  readonly reverses?: string;
  readonly flags: readonly PostingFlag[];
}

/** A CLP that matched none of our claims: kept whole for a biller to match or post as unapplied. */
export interface UnmatchedClaim {
  readonly postingKey: string;
  readonly reason: 'not_our_control_number' | 'claim_not_found';
  readonly controlNumber: string;
  readonly payerClaimNumber: string;
  readonly statusCode: string;
  readonly charge: number;
  readonly paid: number;
  readonly clientResponsibility: number;
  readonly patient?: RemitPerson;
  readonly serviceDateFrom?: string;
  readonly lineCount: number;
}

export interface PaymentAdjustment {
  readonly providerId: string;
  readonly reasonCode: string;
  readonly reference?: string;
  /** Positive reduces the payment. */
  readonly amount: number;
  readonly kind: 'interest' | 'recoupment' | 'refund' | 'forward_balance' | 'other';
}

export type ClaimResultStatus = 'paid' | 'denied' | 'deductible' | 'partly_paid' | 'reversed';

/** A claim's payment overview after this transaction, over all its postings still in force. */
export interface ClaimResult {
  readonly claimId: string;
  readonly clientId: string;
  readonly status: ClaimResultStatus;
  /** The claim-status move it leads to (`@claimline/domain`), or null when the claim stays as it is. */
  readonly move: ClaimMove | null;
  readonly charge: number;
  readonly paid: number;
  readonly clientResponsibility: number;
  readonly deductible: number;
  readonly writeOff: number;
  readonly otherAdjustments: number;
  /** charge − paid − client responsibility − write-off − other adjustments. */
  readonly open: number;
  /** Postings in force (earlier ones and this transaction's), by id or key. */
  readonly postingsInForce: readonly string[];
  readonly crossover: boolean;
  readonly flags: readonly PostingFlag[];
}

export interface BalanceProblem {
  readonly level: 'transaction' | 'claim' | 'line';
  readonly controlNumber?: string;
  readonly code?: string;
  readonly message: string;
}

export type TransactionStatus = 'post' | 'held' | 'duplicate';

export interface TransactionPlan {
  readonly header: RemittanceHeader;
  /** payer id + TRN02 + BPR02 + payment date: the same payment in any file. */
  readonly transactionKey: string;
  /** `post`: apply it; `held`: unbalanced, for review, not posted; `duplicate`: already imported. */
  readonly status: TransactionStatus;
  readonly why: readonly string[];
  readonly paymentAmount: number;
  readonly claimCount: number;
  /** Empty when `PlanOptions.onPlanned` took them batch by batch. */
  readonly postings: readonly ClaimPosting[];
  readonly unmatched: readonly UnmatchedClaim[];
  readonly postingCount: number;
  readonly unmatchedCount: number;
  readonly paymentAdjustments: readonly PaymentAdjustment[];
  readonly results: readonly ClaimResult[];
  readonly balance: readonly BalanceProblem[];
  /** Σ paid of postings and unmatched claims − Σ PLB: equals `paymentAmount` when balanced. */
  readonly accountedAmount: number;
}

export interface PlanOptions {
  /** CLP01s per `findClaims` call. Default 500. */
  readonly batchSize?: number;
  /** Share of a paid claim's charge above which its write-off is flagged. Default 0.75. */
  readonly writeOffShareLimit?: number;
  /**
   * Takes each batch's postings and unmatched claims as they are planned (e.g. to write them in the
   * import's database transaction); the plan then keeps none of them, so memory stays bounded
   * by the batch and the claims touched, whatever the size of the file.
   */
  readonly onPlanned?: (postings: ClaimPosting[], unmatched: UnmatchedClaim[]) => void | Promise<void>;
}
