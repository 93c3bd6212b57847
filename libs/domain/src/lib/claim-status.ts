import { CLAIM_STATUS_LABELS, type ClaimStatus } from './vocabulary';

/**
 * What makes a claim change status (DOMAIN.md "Claim statuses"). People edit, download, submit and
 * void; the scrubber passes or fails a claim; the clearinghouse's 999 and 277CA and the payer's ERA
 * (835) move it after submission. Whatever is not in `CLAIM_TRANSITIONS` is refused.
 */
export const CLAIM_MOVES = [
  'download',
  'edit',
  'scrub_fail',
  'scrub_pass',
  'submit',
  'receive',
  'accept',
  'reject',
  'batch_reject',
  'era_paid',
  'era_denied',
  'era_deductible',
  'void',
] as const;
export type ClaimMove = (typeof CLAIM_MOVES)[number];

export const CLAIM_TRANSITIONS: Readonly<
  Record<ClaimMove, ReadonlyArray<readonly [ClaimStatus, ClaimStatus]>>
> = {
  download: [['prepared', 'downloaded']],
  // A printed or exported claim no longer matches what was handed out once it changes.
  edit: [
    ['downloaded', 'prepared'],
    ['rejected', 'prepared'],
  ],
  scrub_fail: [
    ['prepared', 'scrub'],
    ['downloaded', 'scrub'],
  ],
  scrub_pass: [['scrub', 'prepared']],
  // A rejected claim was never adjudicated, so it may go again once fixed (or as it is).
  submit: [
    ['prepared', 'submitted'],
    ['downloaded', 'submitted'],
    ['rejected', 'submitted'],
  ],
  receive: [['submitted', 'received']],
  accept: [
    ['submitted', 'accepted'],
    ['received', 'accepted'],
  ],
  reject: [
    ['submitted', 'rejected'],
    ['received', 'rejected'],
  ],
  batch_reject: [['submitted', 'rejected']],
  // An ERA may come before any 277CA, and a payer may reprocess a denial into a payment.
  era_paid: [
    ['submitted', 'paid'],
    ['received', 'paid'],
    ['accepted', 'paid'],
    ['denied', 'paid'],
    ['deductible', 'paid'],
  ],
  era_denied: [
    ['submitted', 'denied'],
    ['received', 'denied'],
    ['accepted', 'denied'],
  ],
  era_deductible: [
    ['submitted', 'deductible'],
    ['received', 'deductible'],
    ['accepted', 'deductible'],
  ],
  // While the payer holds a claim with no answer yet there is nothing to void against: wait for it.
  void: [
    ['prepared', 'void'],
    ['downloaded', 'void'],
    ['scrub', 'void'],
    ['rejected', 'void'],
    ['accepted', 'void'],
    ['paid', 'void'],
    ['denied', 'void'],
    ['deductible', 'void'],
  ],
};

/**
 * Statuses the payer has adjudicated or accepted: voiding one of them means sending the payer a
 * void claim (frequency 8 with its claim number); the others were never taken in and are only
 * closed here.
 */
export const CLAIM_STATUSES_VOIDED_AT_PAYER: readonly ClaimStatus[] = [
  'accepted',
  'paid',
  'denied',
  'deductible',
];

export const CLAIM_VOID_REASONS = [
  'duplicate',
  'wrong_client',
  'wrong_payer',
  'service_not_rendered',
  'filed_outside',
  'switched_to_self_pay',
  'other',
] as const;
export type ClaimVoidReason = (typeof CLAIM_VOID_REASONS)[number];

export const CLAIM_VOID_REASON_LABELS: Readonly<Record<ClaimVoidReason, string>> = {
  duplicate: 'Duplicate of another claim',
  wrong_client: 'Billed for the wrong client',
  wrong_payer: 'Billed to the wrong payer',
  service_not_rendered: 'Service was not given',
  filed_outside: 'Filed outside Claimline',
  switched_to_self_pay: 'Appointment switched to self-pay',
  other: 'Other reason',
};

/** What each status means, in the words of the claims list. */
export const CLAIM_STATUS_WORDS: Readonly<Record<ClaimStatus, string>> = {
  prepared: 'Created and ready to submit or print',
  downloaded: 'Printed or exported; editing it returns it to Prepared',
  scrub: 'Failed the checks before submission and was not sent: fix what the scrubber names',
  submitted: 'Sent to the clearinghouse',
  received: 'The payer has received it',
  rejected: 'Never adjudicated: fix it and submit it again',
  accepted: 'The payer accepted it for adjudication and gave it a claim number',
  paid: 'The ERA paid it: insurance paid, client responsibility and write-off make up its total',
  denied: 'The ERA denied it',
  deductible: "The ERA applied it to the client's deductible",
  void: 'Voided: kept for the record, never billed again',
};

/** The cause of each move, as the status history shows it. */
export const CLAIM_MOVE_WORDS: Readonly<Record<ClaimMove, string>> = {
  download: 'Printed or exported',
  edit: 'Edited',
  scrub_fail: 'Failed scrubbing',
  scrub_pass: 'Passed scrubbing again',
  submit: 'Submitted to the clearinghouse',
  receive: 'Payer received it (277CA)',
  accept: 'Payer accepted it (277CA)',
  reject: 'Payer or clearinghouse rejected it (277CA)',
  batch_reject: 'Clearinghouse rejected the whole batch (999)',
  era_paid: 'Paid (ERA)',
  era_denied: 'Denied (ERA)',
  era_deductible: 'Applied to the deductible (ERA)',
  void: 'Voided',
};

const REFUSAL_WORDS: Readonly<Record<ClaimMove, string>> = {
  download: 'be printed or exported',
  edit: 'be edited',
  scrub_fail: 'fail scrubbing',
  scrub_pass: 'pass scrubbing',
  submit: 'be submitted',
  receive: 'be marked received',
  accept: 'be marked accepted',
  reject: 'be marked rejected',
  batch_reject: 'be rejected with its batch',
  era_paid: 'be marked paid',
  era_denied: 'be marked denied',
  era_deductible: 'be applied to the deductible',
  void: 'be voided',
};

export type ClaimMoveCheck =
  { ok: true; to: ClaimStatus; voidAtPayer: boolean } | { ok: false; code: string; message: string };

/** Every status a claim may reach from `from`, whatever the move. */
export function claimStatusesFrom(from: ClaimStatus): ClaimStatus[] {
  return [
    ...new Set(
      CLAIM_MOVES.flatMap((move) => CLAIM_TRANSITIONS[move].filter(([f]) => f === from).map(([, t]) => t)),
    ),
  ];
}

/** The status after `move`, or null when the move is not allowed from `from`. */
export function nextClaimStatus(from: ClaimStatus, move: ClaimMove): ClaimStatus | null {
  return CLAIM_TRANSITIONS[move].find(([f]) => f === from)?.[1] ?? null;
}

/**
 * Whether a move is allowed, with the status it leads to, or why not. A void needs one of the
 * `CLAIM_VOID_REASONS` (and words when the reason is `other`).
 */
export function checkClaimMove(
  from: ClaimStatus,
  move: ClaimMove,
  details: { voidReason?: string; voidNote?: string } = {},
): ClaimMoveCheck {
  const to = nextClaimStatus(from, move);
  if (to === null) {
    const hint =
      move === 'void' && (from === 'submitted' || from === 'received')
        ? ': wait for the payer to accept or reject it'
        : '';
    return {
      ok: false,
      code: 'claim_status.move_not_allowed',
      message: `A claim in status ${CLAIM_STATUS_LABELS[from]} cannot ${REFUSAL_WORDS[move]}${hint}`,
    };
  }
  if (move === 'void') {
    const reason = details.voidReason;
    if (!reason || !(CLAIM_VOID_REASONS as readonly string[]).includes(reason))
      return {
        ok: false,
        code: 'claim_status.void_reason',
        message: `Voiding a claim needs a reason (one of ${CLAIM_VOID_REASONS.join(', ')})`,
      };
    if (reason === 'other' && !details.voidNote?.trim())
      return {
        ok: false,
        code: 'claim_status.void_note',
        message: 'Voiding a claim for another reason needs a note saying why',
      };
  }
  return { ok: true, to, voidAtPayer: move === 'void' && CLAIM_STATUSES_VOIDED_AT_PAYER.includes(from) };
}
