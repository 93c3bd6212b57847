import type { EnrollmentAction, EnrollmentStatus } from '@claimline/contracts/enrollments';

/**
 * The moves an enrollment may make. `derive` is the system's: the status of an enrollment nobody
 * has submitted follows the payer's requirements and whether a client of the practice uses the
 * payer. Everything else is a person's action. Whatever is not in this table is refused.
 */
export type Move = EnrollmentAction | 'submit' | 'derive';

/** Statuses computed from payer requirements and clients on file (no request was ever sent). */
export const DERIVED_STATUSES: readonly EnrollmentStatus[] = [
  'not_required',
  'enroll',
  'no_clients_on_file',
  'not_supported',
];

export const TRANSITIONS: Readonly<
  Record<Move, ReadonlyArray<readonly [EnrollmentStatus, EnrollmentStatus]>>
> = {
  derive: DERIVED_STATUSES.flatMap((from) =>
    DERIVED_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
  ),
  submit: [
    ['enroll', 'submitted'],
    ['rejected', 'submitted'],
  ],
  accept: [['submitted', 'accepted']],
  reject: [
    ['submitted', 'rejected'],
    ['document_required', 'rejected'],
  ],
  require_document: [['submitted', 'document_required']],
  attach_document: [['document_required', 'submitted']],
};

const MOVE_WORDS: Record<Move, string> = {
  derive: 'change by itself',
  submit: 'be submitted',
  accept: 'be accepted',
  reject: 'be rejected',
  require_document: 'ask for a document',
  attach_document: 'take a document',
};

/** The status after `move` from `from`, or null when the move is not allowed. */
export function nextStatus(
  from: EnrollmentStatus,
  move: Move,
  to?: EnrollmentStatus,
): EnrollmentStatus | null {
  const allowed = TRANSITIONS[move].filter(([f, t]) => f === from && (to === undefined || t === to));
  return allowed.length === 1 ? allowed[0][1] : null;
}

export function isAllowed(from: EnrollmentStatus, move: Move, to: EnrollmentStatus): boolean {
  return nextStatus(from, move, to) === to;
}

/** Why a move is refused, in words a billing person understands. */
export function refusal(from: EnrollmentStatus, move: Move): string {
  return `An enrollment in status ${from} cannot ${MOVE_WORDS[move]}`;
}
