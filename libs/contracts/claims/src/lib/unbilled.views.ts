import type { Role } from '@claimline/contracts/common';

/** `ready`: nothing blocks a claim; `missing_info`: at least one reason does. */
export const UNBILLED_READINESS = ['ready', 'missing_info'] as const;
export type UnbilledReadiness = (typeof UNBILLED_READINESS)[number];

/**
 * Who works the unbilled list and switches appointments to self-pay: those who bill for the
 * practice and its owner. A clinician records sessions but does not work the billing queue.
 */
export const UNBILLED_ROLES: readonly Role[] = ['admin', 'billing_staff', 'practice_owner'];

export const MAX_UNBILLED_PAGE = 100;
export const DEFAULT_UNBILLED_PAGE = 50;
/** Practices one call of the list may cover (a billing user's whole book). */
export const MAX_UNBILLED_PRACTICES = 200;

/**
 * The record a biller opens to fix an unbilled appointment's reason: the same shape as the `fix`
 * of `libs/claims` scrub findings, so the console links both the same way.
 */
export type UnbilledFixTarget =
  'client' | 'policy' | 'practice' | 'team_member' | 'location' | 'appointment' | 'authorization';

/** One thing that keeps a claim from being made for the appointment (the "!" of the list). */
export interface UnbilledReason {
  /** Stable, dotted, for programs and tests: `client.phone`, `authorization.expired`. */
  code: string;
  /** In a biller's words. */
  message: string;
  fix: { target: UnbilledFixTarget; id: string; field?: string };
}

/** An attended insurance appointment without a claim, with what blocks its claim. */
export interface UnbilledAppointmentView {
  appointmentId: string;
  practiceId: string;
  clientId: string;
  renderingTeamMemberId: string;
  /** `YYYY-MM-DD`. */
  serviceDate: string;
  /** `HH:MM`. */
  startTime: string;
  minutes: number;
  placeOfService: string;
  /** The procedures of its lines, in order. */
  procedures: string[];
  /** The sum of its lines' fees. */
  chargeCents: number;
  /** The client's primary policy and its payer as client-insurance has them now; null when none. */
  policyId: string | null;
  payer: { id: string; name: string } | null;
  /** True when `reasons` is empty: a claim can be made from it. */
  ready: boolean;
  reasons: UnbilledReason[];
  version: number;
}

/**
 * A page of the unbilled list, newest date of service first. `nextCursor` continues the list
 * after the last appointment this page looked at (null at the end). With a `readiness` filter a
 * page may hold fewer than `limit` items even when more follow: the service looks at a bounded
 * number of appointments per page (`scanned`) and says where to go on.
 */
export interface UnbilledPage {
  items: UnbilledAppointmentView[];
  limit: number;
  nextCursor: string | null;
  scanned: number;
}

/** One switch of an appointment's billing type: who, when, why (the self-pay switch's audit). */
export interface BillingTypeChangeView {
  appointmentId: string;
  from: 'insurance' | 'self_pay';
  to: 'insurance' | 'self_pay';
  reason: string;
  changedBy: string;
  changedAt: string;
}
