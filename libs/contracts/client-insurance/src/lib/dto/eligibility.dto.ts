import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../validators';

/** `client-insurance.eligibility.check`: ask the payer now, through the clearinghouse (270 → 271). */
export class CheckEligibilityCommand {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  policyId: string;

  /** The date coverage is asked for; today (UTC) when left out. */
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

/** `client-insurance.eligibility.last`: the policy's most recent check. */
export class LastEligibilityQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  policyId: string;
}

/** What the payer answered, in one word: `rejected` when it could not answer (AAA), `unknown` when it did not say. */
export const ELIGIBILITY_OUTCOMES = ['active', 'inactive', 'rejected', 'unknown'] as const;
export type EligibilityOutcome = (typeof ELIGIBILITY_OUTCOMES)[number];

/** A copay, coinsurance, deductible or out-of-pocket line of the 271, with its sentence. */
export interface EligibilityCostShareView {
  /** Cents (copay, deductible, out-of-pocket). */
  amountCents: number | null;
  /** A fraction for coinsurance: 0.2 is 20 %. */
  percent: number | null;
  /** True when the amount is what is left (time period "remaining"). */
  remaining: boolean;
  /** The payer's period in words (e.g. "Calendar Year", "Visit"). */
  period: string | null;
  /** In network (true), out of network (false), both, or not said (null). */
  inNetwork: boolean | 'both' | null;
  serviceTypes: string[];
  /** The line in words, e.g. "$20.00 per visit, in network". */
  text: string;
}

export interface EligibilityRejectionView {
  level: 'payer' | 'provider' | 'subscriber' | 'dependent' | 'benefit';
  code: string;
  reason: string;
  followUpAction: string | null;
}

/**
 * One eligibility check of a policy: the date asked, when, and what the payer said for
 * behavioural health (mental health, psychotherapy), in figures and in words.
 */
export interface EligibilityCheckView {
  id: string;
  practiceId: string;
  policyId: string;
  clientId: string;
  /** The date coverage was asked for (YYYY-MM-DD). */
  date: string;
  /** ISO 8601: when the answer came. */
  checkedAt: string;
  outcome: EligibilityOutcome;
  /** Coverage on `date`; null when the payer did not say (a rejection). */
  active: boolean | null;
  payerName: string;
  planName: string | null;
  copays: EligibilityCostShareView[];
  coinsurance: EligibilityCostShareView[];
  deductibles: EligibilityCostShareView[];
  outOfPocket: EligibilityCostShareView[];
  /** Null when the payer did not say. */
  priorAuthorizationRequired: boolean | null;
  notCovered: boolean;
  /** The payer's own messages. */
  messages: string[];
  /** AAA rejections in words. */
  rejections: EligibilityRejectionView[];
  /** The answer in sentences, for the console. */
  summary: string[];
}

export interface LastEligibilityResult {
  /** Null when the policy was never checked. */
  check: EligibilityCheckView | null;
}
