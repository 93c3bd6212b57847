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
  RQ: 'More information requested: general',
};

/** A few claim status codes (STC01-2) seen most, in words; others are shown by number. */
export const CLAIM_STATUS_CODES: Readonly<Record<string, string>> = {
  '1': 'see the remittance advice for details',
  '2': 'details follow in a letter',
  '3': 'adjudicated, waiting for the payment cycle',
  '19': 'the payer acknowledges receiving the claim',
  '20': 'accepted for processing',
  '21': 'information missing or not valid',
  '65': 'the claim or line has been paid',
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
