/**
 * Codes an ERA (835) uses to say what happened to a claim: claim adjustment group codes (CAS01),
 * claim adjustment reason codes (CARC, CAS02…), remittance advice remark codes (RARC, LQ*HE), the
 * claim status in CLP02 and provider-level adjustment reasons (PLB03-1).
 *
 * The codes are maintained by X12 (CARC, RARC, group codes, PLB reasons, through x12.org/codes and
 * the 005010X221A1 guide) and CMS (RARC). Only the codes are copied; every description here is our
 * own short wording for a biller, never the official text. The lists hold the codes a
 * behavioural-health practice meets most, not the whole sets: an unknown code is described as
 * such (`describeCarc`), never guessed.
 */

/** What a biller does next about an adjustment. */
export type RemitAction =
  'none' | 'bill_client' | 'correct_and_resubmit' | 'appeal' | 'write_off' | 'bill_other_payer';

export interface RemitCode {
  readonly code: string;
  /** Our own words. */
  readonly description: string;
}

export interface AdjustmentReason extends RemitCode {
  /** The usual next step when this reason reduces or denies a line. */
  readonly action: RemitAction;
}

/** CAS01. 005010 uses these four; CR (corrections and reversals) was retired before 5010. */
export const ADJUSTMENT_GROUPS: readonly RemitCode[] = [
  { code: 'CO', description: 'Contract write-off: the practice agreed to it and may not bill the client' },
  { code: 'PR', description: 'Client responsibility: bill the client (deductible, coinsurance, copay…)' },
  {
    code: 'OA',
    description: 'Other adjustment: neither the contract nor the client, e.g. another payer paid',
  },
  { code: 'PI', description: 'Payer reduction without a contract: the client may not be billed' },
];

/** CARCs a behavioural-health practice meets most (descriptions in our own words). */
export const ADJUSTMENT_REASONS: readonly AdjustmentReason[] = [
  { code: '1', description: "Applied to the client's deductible", action: 'bill_client' },
  { code: '2', description: "The client's coinsurance share", action: 'bill_client' },
  { code: '3', description: "The client's copay", action: 'bill_client' },
  {
    code: '4',
    description: 'A modifier is wrong or missing for this service code',
    action: 'correct_and_resubmit',
  },
  {
    code: '5',
    description: 'The service code does not fit the place of service',
    action: 'correct_and_resubmit',
  },
  {
    code: '11',
    description: 'The diagnosis does not support the service billed',
    action: 'correct_and_resubmit',
  },
  {
    code: '15',
    description: 'Authorization number missing, wrong, or not for this service',
    action: 'correct_and_resubmit',
  },
  {
    code: '16',
    description: 'Information is missing or wrong on the claim (see the remark codes)',
    action: 'correct_and_resubmit',
  },
  { code: '18', description: 'Duplicate of a claim or service already sent', action: 'none' },
  {
    code: '22',
    description: 'Another insurance may be primary (coordination of benefits)',
    action: 'bill_other_payer',
  },
  { code: '23', description: 'Reduced by what an earlier payer paid or adjusted', action: 'none' },
  { code: '24', description: 'Covered by a capitation or managed-care arrangement', action: 'write_off' },
  { code: '26', description: "Service was before the client's coverage began", action: 'bill_client' },
  { code: '27', description: "Service was after the client's coverage ended", action: 'bill_client' },
  { code: '29', description: 'Filed too late for this payer', action: 'write_off' },
  {
    code: '31',
    description: 'The payer cannot find the client as its member',
    action: 'correct_and_resubmit',
  },
  { code: '45', description: 'Above the contracted or allowed fee', action: 'write_off' },
  { code: '50', description: 'Payer found it not medically necessary', action: 'appeal' },
  {
    code: '58',
    description: 'Payer considers the place of service wrong for this service',
    action: 'correct_and_resubmit',
  },
  { code: '59', description: 'Reduced by rules for several services on the same day', action: 'none' },
  {
    code: '94',
    description: 'Paid above the charge (negative amounts reduce the adjustment)',
    action: 'none',
  },
  { code: '96', description: 'Not a covered service (see the remark codes)', action: 'bill_client' },
  { code: '97', description: 'Included in the payment for another service', action: 'write_off' },
  {
    code: '109',
    description: 'Not covered by this payer: send it to the right one',
    action: 'bill_other_payer',
  },
  { code: '119', description: 'The benefit limit for the period has been reached', action: 'bill_client' },
  { code: '151', description: 'Payer finds this many services or visits not supported', action: 'appeal' },
  { code: '167', description: 'The diagnosis is not covered', action: 'correct_and_resubmit' },
  { code: '170', description: 'Not paid when this type of provider gives the service', action: 'write_off' },
  {
    code: '185',
    description: 'The rendering clinician may not be paid for this service',
    action: 'correct_and_resubmit',
  },
  { code: '197', description: 'No prior authorization or notification on file', action: 'appeal' },
  { code: '198', description: 'More than the authorization allowed', action: 'appeal' },
  { code: '204', description: "Not covered by the client's current plan", action: 'bill_client' },
  {
    code: '226',
    description: 'The payer asked the practice for information it did not get in time',
    action: 'correct_and_resubmit',
  },
  { code: '227', description: 'The payer asked the client for information it did not get', action: 'none' },
  { code: '242', description: 'Not given by an in-network provider', action: 'bill_client' },
  {
    code: '252',
    description: 'The payer needs documentation to decide (see the remark codes)',
    action: 'correct_and_resubmit',
  },
  { code: '253', description: 'Federal sequestration reduction', action: 'write_off' },
  {
    code: 'B7',
    description: 'The provider was not eligible to be paid for this on the date of service',
    action: 'correct_and_resubmit',
  },
];

/** RARCs seen most in behavioural-health ERAs (descriptions in our own words). */
export const REMARK_CODES: readonly RemitCode[] = [
  { code: 'M51', description: 'Procedure code missing or not valid' },
  { code: 'M76', description: 'Diagnosis missing or not valid' },
  { code: 'M77', description: 'Place of service missing, not valid or not suitable' },
  { code: 'MA04', description: "Secondary claim needs the primary payer's details or payment" },
  { code: 'MA18', description: 'The payer also sent the claim on to the supplemental insurer' },
  {
    code: 'MA130',
    description: 'Claim could not be processed and cannot be appealed: send a new, corrected claim',
  },
  { code: 'N4', description: "The earlier insurer's EOB is missing or not valid" },
  { code: 'N30', description: 'The client is not eligible for this service' },
  { code: 'N54', description: 'The claim does not match what was authorized' },
  { code: 'N122', description: 'An add-on code was billed without its main service' },
  { code: 'N130', description: "Check the plan's benefit documents for this service's limits" },
  { code: 'N290', description: 'Rendering provider identifier missing or not valid' },
];

/** CLP02: how the payer processed the claim. 19–21 mean the payer forwarded it to the next payer. */
export const CLAIM_PAYMENT_STATUSES: readonly RemitCode[] = [
  { code: '1', description: 'Processed as primary' },
  { code: '2', description: 'Processed as secondary' },
  { code: '3', description: 'Processed as tertiary' },
  { code: '4', description: 'Denied' },
  { code: '19', description: 'Processed as primary and sent on to the next payer' },
  { code: '20', description: 'Processed as secondary and sent on to the next payer' },
  { code: '21', description: 'Processed as tertiary and sent on to the next payer' },
  { code: '22', description: 'Reversal of an earlier payment' },
  { code: '23', description: "Not this payer's claim; sent on to another payer" },
  { code: '25', description: 'Pricing only, no payment' },
];

/** CLP02 codes of a crossover: the payer already sent the claim to the next payer. */
export const CROSSOVER_CLAIM_STATUSES: readonly string[] = ['19', '20', '21'];

/**
 * PLB03-1 reasons met most. A positive PLB amount reduces the payment, a negative one adds to it.
 */
export const PROVIDER_ADJUSTMENT_REASONS: readonly RemitCode[] = [
  { code: '50', description: 'Late filing charge' },
  { code: '51', description: 'Interest charged to the provider' },
  { code: '72', description: 'A refund the practice sent, taken back into the account' },
  { code: '90', description: 'Discount for early payment' },
  { code: 'AH', description: 'Transmission or origination fee' },
  { code: 'B2', description: 'Rebate' },
  { code: 'C5', description: 'Temporary allowance' },
  { code: 'CS', description: 'Adjustment (see the reference for why)' },
  { code: 'FB', description: 'Balance forwarded between payments (see the reference)' },
  { code: 'IR', description: 'Tax withholding' },
  { code: 'J1', description: 'Not reimbursable' },
  { code: 'L6', description: 'Interest the payer owes the practice' },
  { code: 'LE', description: 'A levy taken from the payment' },
  { code: 'WO', description: 'Recovery of an earlier overpayment' },
  { code: 'WU', description: 'Recovery of an overpayment, reason not given' },
];

const byCode = <T extends RemitCode>(list: readonly T[]) => new Map(list.map((c) => [c.code, c]));
const GROUPS = byCode(ADJUSTMENT_GROUPS);
const REASONS = byCode(ADJUSTMENT_REASONS);
const REMARKS = byCode(REMARK_CODES);
const STATUSES = byCode(CLAIM_PAYMENT_STATUSES);
const PLB = byCode(PROVIDER_ADJUSTMENT_REASONS);

export const findAdjustmentReason = (code: string): AdjustmentReason | undefined => REASONS.get(code);
export const findRemarkCode = (code: string): RemitCode | undefined => REMARKS.get(code);

/** "Client responsibility — Applied to the client's deductible (PR 1)"; unknown codes say so. */
export function describeAdjustment(group: string, reason: string): string {
  const g = GROUPS.get(group)?.description.split(':')[0] ?? `Group ${group}`;
  const r = REASONS.get(reason)?.description ?? `Reason ${reason} (not in our list: see x12.org/codes)`;
  return `${g} — ${r} (${group} ${reason})`;
}

export function describeRemark(code: string): string {
  return REMARKS.get(code)?.description ?? `Remark ${code} (not in our list: see x12.org/codes)`;
}

export function describeClaimPaymentStatus(code: string): string {
  return STATUSES.get(code)?.description ?? `Claim status ${code} (not in our list)`;
}

export function describeProviderAdjustment(code: string): string {
  return PLB.get(code)?.description ?? `Provider adjustment ${code} (not in our list)`;
}
