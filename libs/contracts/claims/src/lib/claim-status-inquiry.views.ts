/**
 * What the payer said of a claim when asked (276 → 277 through the clearinghouse's real-time
 * port): the status in words from the X12 code lists, never the claim's or the client's data.
 */
export interface ClaimPayerStatusView {
  id: string;
  claimId: string;
  /** ISO 8601: when the answer came. */
  askedAt: string;
  /** STC01-1 and STC01-2, e.g. F1 and 65. */
  category: string;
  code: string | null;
  /** The status in words, e.g. "Finalized: paid (the claim or line has been paid)". */
  status: string;
  /** STC05, cents; null when the payer did not say. */
  paidCents: number | null;
  payerClaimNumber: string | null;
  /** The payer's own words (STC12), if any. */
  message: string | null;
  /** `manual` (a user asked) or `scheduled` (no answer N days after submission). */
  trigger: 'manual' | 'scheduled';
}

export interface ClaimPayerStatusResult {
  /** Null when the payer was never asked. */
  last: ClaimPayerStatusView | null;
}
