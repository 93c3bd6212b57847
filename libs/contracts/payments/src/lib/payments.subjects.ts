import type { Role } from '@claimline/contracts/common';

/** Request-reply subjects (`<service>.<entity>.<verb>`), served by payments-service in queue group `payments`. */
export const PAYMENTS_SERVICE = 'payments';

export const PaymentsSubjects = {
  eraImport: 'payments.era.import',
  eraList: 'payments.era.list',
  eraGet: 'payments.era.get',
  claimOverview: 'payments.claim.overview',
  unmatchedList: 'payments.unmatched.list',
  unmatchedResolve: 'payments.unmatched.resolve',
  clientLedger: 'payments.client.ledger',
  healthPing: 'payments.health.ping',
} as const;

/** Durable event types (past tense), published on JetStream through the service's outbox. Ids and amounts only (ADR 0015). */
export const PaymentsEventTypes = {
  claimAdjudicated: 'payments.claim.adjudicated',
} as const;

/** Who imports ERAs and works the unmatched queue: the practice's billing roles. */
export const PAYMENT_EDITOR_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];
/** Who reads payments, ledgers and the queues: the same (clinicians see no money). */
export const PAYMENT_READER_ROLES: readonly Role[] = PAYMENT_EDITOR_ROLES;

/** How an ERA file arrived. */
export const ERA_SOURCES = ['upload', 'sftp'] as const;
export type EraSource = (typeof ERA_SOURCES)[number];

/** A transaction's state: posted, or held for review because it does not balance. */
export const ERA_TRANSACTION_STATUSES = ['posted', 'held'] as const;
export type EraTransactionStatus = (typeof ERA_TRANSACTION_STATUSES)[number];

/** What a biller does with an unmatched claim payment. */
export const UNMATCHED_ACTIONS = ['match', 'unapplied'] as const;
export type UnmatchedAction = (typeof UNMATCHED_ACTIONS)[number];

export const UNMATCHED_STATES = ['open', 'matched', 'unapplied'] as const;
export type UnmatchedState = (typeof UNMATCHED_STATES)[number];

/** The largest 835 the gateway takes in an upload (200 MB): it is streamed, never held whole. */
export const ERA_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/** The longest ERA file name kept. */
export const ERA_FILE_NAME_MAX = 200;
/** The most items a page holds. */
export const MAX_PAYMENTS_PAGE = 200;
