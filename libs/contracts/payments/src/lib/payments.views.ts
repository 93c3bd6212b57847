import type { ClaimMove } from '@claimline/domain';
import type { EraTransactionStatus, UnmatchedState } from './payments.subjects';

/** Money is integer cents; dates ISO `YYYY-MM-DD`. */

/** One 835 transaction (ST/SE) of an imported file. */
export interface EraTransactionView {
  id: string;
  practiceId: string;
  fileId: string;
  /** payer + TRN02 + BPR02 + payment date: the duplicate guard. */
  transactionKey: string;
  status: EraTransactionStatus;
  /** Why it is held (balance differences), empty when posted. */
  why: string[];
  payerName: string;
  payerId: string | null;
  traceNumber: string;
  paymentCents: number;
  paymentDate: string | null;
  claimCount: number;
  postingCount: number;
  unmatchedCount: number;
  /** PLB: interest, recoupments, refunds, forward balances, against the payment. */
  paymentAdjustments: PaymentAdjustmentView[];
  importedAt: string;
}

export interface PaymentAdjustmentView {
  providerId: string;
  reasonCode: string;
  reference: string | null;
  kind: string;
  amountCents: number;
}

/** What an import did with each transaction of the file. */
export interface EraImportTransactionView {
  transactionKey: string;
  /** `posted`, `held` (unbalanced, for review), `duplicate` (already imported: nothing posted). */
  outcome: EraTransactionStatus | 'duplicate';
  transactionId: string | null;
  message: string;
  paymentCents: number;
  claimCount: number;
  postingCount: number;
  unmatchedCount: number;
}

export interface EraImportView {
  fileId: string;
  fileName: string;
  size: number;
  transactions: EraImportTransactionView[];
}

export interface LinePostingView {
  lineId: string | null;
  matchedBy: string;
  code: string;
  modifiers: string[];
  serviceDate: string | null;
  chargeCents: number;
  allowedCents: number;
  paidCents: number;
  clientResponsibilityCents: number;
  writeOffCents: number;
  otherAdjustmentCents: number;
  adjustments: { group: string; reason: string; amountCents: number; kind: string }[];
  remarkCodes: string[];
}

export interface FlagView {
  code: string;
  message: string;
}

export interface PostingView {
  id: string;
  transactionId: string;
  kind: 'payment' | 'reversal';
  payerClaimNumber: string;
  statusCode: string;
  crossover: boolean;
  chargeCents: number;
  paidCents: number;
  clientResponsibilityCents: number;
  deductibleCents: number;
  writeOffCents: number;
  otherAdjustmentCents: number;
  claimAdjustments: { group: string; reason: string; amountCents: number; kind: string }[];
  lines: LinePostingView[];
  /** The posting this reversal undoes. */
  reverses: string | null;
  /** Undone by a later reversal. */
  reversed: boolean;
  flags: FlagView[];
  paymentDate: string | null;
  postedAt: string;
}

/** A claim's payments: its postings (history included) and the result over those in force. */
export interface ClaimPaymentOverview {
  claimId: string;
  practiceId: string;
  status: string | null;
  move: ClaimMove | null;
  chargeCents: number;
  paidCents: number;
  clientResponsibilityCents: number;
  writeOffCents: number;
  otherAdjustmentCents: number;
  openCents: number;
  /** `write_off_too_high`, `payment_missing`, `duplicate_payment`, … */
  flags: FlagView[];
  postings: PostingView[];
}

export interface UnmatchedView {
  id: string;
  transactionId: string;
  reason: 'not_our_control_number' | 'claim_not_found';
  controlNumber: string;
  payerClaimNumber: string;
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  clientResponsibilityCents: number;
  serviceDateFrom: string | null;
  lineCount: number;
  state: UnmatchedState;
  claimId: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface LedgerEntryView {
  id: string;
  kind: 'self_pay_fee' | 'client_responsibility' | 'payment' | 'adjustment';
  amountCents: number;
  date: string;
  claimId: string | null;
  postingId: string | null;
}

export interface ClientLedgerView {
  clientId: string;
  practiceId: string;
  entries: LedgerEntryView[];
  totals: Record<'self_pay_fee' | 'client_responsibility' | 'payment' | 'adjustment', number>;
  balanceCents: number;
}

export interface PaymentsPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
