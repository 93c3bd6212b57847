/**
 * Claim status category codes (STC01-1) in words: the codes are the X12 code list's, the wording
 * ours. Used by both the 277CA and the 277 claim status response.
 */
export const CLAIM_STATUS_CATEGORIES: Readonly<Record<string, string>> = {
  A0: 'Acknowledged: forwarded to another entity',
  A1: 'Acknowledged: received',
  A2: 'Acknowledged: accepted into adjudication',
  A3: 'Acknowledged: returned as unprocessable',
  A4: 'Acknowledged: not found',
  A5: 'Acknowledged: split claim',
  A6: 'Rejected: information missing',
  A7: 'Rejected: information not valid',
  A8: 'Rejected: fields that do not agree with each other',
  D0: 'The payer could not find the data asked for',
  E0: 'No answer possible: the request has errors',
  E1: "No answer possible: the payer's system is unavailable",
  E2: 'No answer possible: the holder of the information does not respond',
  E3: 'Correct the fields that do not agree and ask again',
  E4: 'A requirement of the trading partner agreement is not met',
  F0: 'Finalized',
  F1: 'Finalized: paid',
  F2: 'Finalized: denied',
  F3: 'Finalized: revised',
  F3F: 'Finalized: forwarded to another payer',
  F3N: 'Finalized: not forwarded',
  F4: 'Finalized: adjudicated, no payment will be made',
  F5: 'Finalized: cannot be processed',
  P0: 'Pending: adjudication details',
  P1: 'Pending: in process',
  P2: 'Pending: under payer review',
  P3: 'Pending: waiting for information from the provider',
  P4: 'Pending: waiting for information from the patient',
  P5: 'Pending: payer administrative or system hold',
  R0: 'More information requested',
  R1: 'More information requested: about an entity',
  R3: 'More information requested: about the claim or a line',
  R4: 'More information requested: documentation',
  R5: 'More information requested: more specific detail',
  R6: 'More information requested: for a regulatory requirement',
  R7: 'More information requested: to confirm the care fits the plan coverage',
  R8: 'More information requested: to confirm the care fits a coverage exception',
  R9: 'More information requested: to decide medical necessity',
  R10: 'More information requested: to support a grievance or appeal',
  R11: 'More information requested: review before payment',
  R12: 'More information requested: why the procedure code was used',
  R13: 'More information requested: the documents sent could not be read',
  R14: 'More information requested: the documents sent were not the ones asked for',
  R15: "More information requested: to check workers' compensation coverage",
  R16: 'More information requested: to check eligibility',
  RQ: 'More information requested: general',
};

/**
 * Claim status codes (STC01-2) in words: those a 277CA commonly gives, and a few of the 277's.
 * Others are shown by number. The codes are the X12 code list's, the wording ours.
 */
export const CLAIM_STATUS_CODES: Readonly<Record<string, string>> = {
  '0': 'no further status can be given electronically',
  '1': 'see the remittance advice for details',
  '2': 'details follow in a letter',
  '3': 'adjudicated, waiting for the payment cycle',
  '12': 'procedure codes sent have been combined',
  '15': 'procedure codes sent have been changed',
  '16': 'forwarded to the entity named',
  '17': 'forwarded to the entity named by a third party',
  '18': 'the entity received the claim but gave back a status that is not valid',
  '19': 'the payer acknowledges receiving the claim',
  '20': 'accepted for processing',
  '21': 'information missing or not valid',
  '23': 'returned to the entity named',
  '24': 'the entity is not approved to submit electronically',
  '25': 'the entity is not approved',
  '26': 'the entity was not found',
  '27': 'the policy was cancelled',
  '29': 'the subscriber does not match the policy or contract number',
  '30': 'the subscriber does not match the subscriber id',
  '31': "the subscriber does not match the policyholder's name",
  '33': 'subscriber and subscriber id not found',
  '35': 'the claim was not found',
  '54': 'duplicate of a claim or line already processed',
  '65': 'the claim or line has been paid',
  '97': 'no eligibility found for the patient with the entity named',
  '116': 'sent to the wrong payer',
  '122': 'missing or invalid data keep the payer from processing the claim',
  '128': "the entity's tax id",
  '153': "the entity's id number",
  '164': "the entity's contract or member number",
  '187': 'the date(s) of service',
  '247': 'the service line',
  '254': 'the principal diagnosis code',
  '255': 'a diagnosis code',
  '400': 'the claim is out of balance',
  '454': 'the procedure code of the service',
  '562': "the entity's National Provider Identifier (NPI)",
};

/** The status in words, e.g. "Finalized: paid (the claim or line has been paid)". */
export function describeStatus(category: string, code?: string): string {
  const family: Record<string, string> = {
    A: 'Acknowledged',
    D: 'Data search',
    E: 'No answer possible',
    F: 'Finalized',
    P: 'Pending',
    R: 'More information requested',
  };
  const cat =
    CLAIM_STATUS_CATEGORIES[category] ?? `${family[category[0]] ?? 'Status'} (category ${category})`;
  if (!code) return cat;
  return `${cat} (${CLAIM_STATUS_CODES[code] ?? `status code ${code}`})`;
}
