/**
 * Patient control numbers (CLM01, box 26) and line control numbers (REF*6R). They come back in the
 * 277CA (TRN02) and the 835 (CLP01, REF*6R), so they must survive every system in between: upper-case
 * letters, digits and a dash only (no X12 separator, nothing a payer upper-cases or trims), and at
 * most 17 characters, which fits the payers that cut CLM01 at 20. A Luhn mod 36 check character
 * catches a mistyped number when a biller matches a paper remittance by hand.
 *
 * `CL` + the claim's sequence in base 36 (at least 8 characters) + check character, then `-n` for
 * the n-th resubmission (1–99), so each submission's answers can be told apart:
 * `CL0000002S4`, `CL0000002S4-2`. A line adds `-L` and its 1-based number: `CL0000002S4-L3`,
 * `CL0000002S4-2-L3`.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PCN = /^CL([0-9A-Z]{8,11})([0-9A-Z])(?:-([1-9]\d?))?$/;
const LINE = /^(CL[0-9A-Z]{9,12}(?:-[1-9]\d?)?)-L([1-9]\d?)$/;

export const PATIENT_CONTROL_NUMBER_MAX_LENGTH = 17;

/** Luhn mod N over base-36 characters (the check character makes the whole string valid). */
function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 36) + (addend % 36);
    sum += addend;
  }
  return ALPHABET[(36 - (sum % 36)) % 36];
}

/** The patient control number of the claim with this sequence; `resubmission` 0 is the first submission. */
export function patientControlNumber(sequence: number, resubmission = 0): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`claim sequence ${sequence} is not a positive whole number`);
  if (!Number.isInteger(resubmission) || resubmission < 0 || resubmission > 99)
    throw new RangeError(`resubmission ${resubmission} is not 0-99`);
  const body = sequence.toString(36).toUpperCase().padStart(8, '0');
  return `CL${body}${checkCharacter(body)}${resubmission ? `-${resubmission}` : ''}`;
}

export interface ParsedPatientControlNumber {
  readonly sequence: number;
  readonly resubmission: number;
}

/** The claim sequence and resubmission of a CLM01 we wrote, or undefined for anything else. */
export function parsePatientControlNumber(value: string): ParsedPatientControlNumber | undefined {
  const match = PCN.exec(value);
  if (!match || checkCharacter(match[1]) !== match[2]) return undefined;
  const sequence = parseInt(match[1], 36);
  if (!Number.isSafeInteger(sequence) || sequence < 1) return undefined;
  if (match[1].length > 8 && match[1].startsWith('0')) return undefined;
  return { sequence, resubmission: match[3] ? Number(match[3]) : 0 };
}

/** REF*6R of the line `lineNumber` (1-based, at most 50) of a claim. */
export function lineControlNumber(claimControlNumber: string, lineNumber: number): string {
  if (!parsePatientControlNumber(claimControlNumber))
    throw new RangeError(`${claimControlNumber} is not a patient control number`);
  if (!Number.isInteger(lineNumber) || lineNumber < 1 || lineNumber > 99)
    throw new RangeError(`line number ${lineNumber} is not 1-99`);
  return `${claimControlNumber}-L${lineNumber}`;
}

export interface ParsedLineControlNumber extends ParsedPatientControlNumber {
  readonly patientControlNumber: string;
  readonly lineNumber: number;
}

/** The claim and line of a REF*6R we wrote, or undefined for anything else. */
export function parseLineControlNumber(value: string): ParsedLineControlNumber | undefined {
  const match = LINE.exec(value);
  const claim = match ? parsePatientControlNumber(match[1]) : undefined;
  if (!match || !claim) return undefined;
  return { ...claim, patientControlNumber: match[1], lineNumber: Number(match[2]) };
}
