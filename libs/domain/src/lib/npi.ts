import { fail, ok, type Result } from './result';

/** National Provider Identifier: 10 digits, first 1 or 2, Luhn check digit over "80840" + first nine. */
export function npiCheckDigit(firstNine: string): number {
  let sum = 24; // the constant contribution of the 80840 prefix
  for (let i = 0; i < 9; i++) {
    let d = firstNine.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNpi(value: string): boolean {
  return /^[12]\d{9}$/.test(value) && npiCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/** Parses an NPI as typed (surrounding spaces ignored) and returns the 10 digits. */
export function parseNpi(input: string): Result<string> {
  const npi = input.trim();
  if (npi === '') return fail('npi.missing', 'NPI is missing');
  if (!/^\d+$/.test(npi)) return fail('npi.non_digit', `NPI ${npi} must contain digits only`);
  if (npi.length !== 10) {
    return fail('npi.length', `NPI ${npi} must be 10 digits long; it has ${npi.length}`);
  }
  if (npi[0] !== '1' && npi[0] !== '2') {
    return fail('npi.first_digit', `NPI ${npi} must start with 1 or 2`);
  }
  if (!isValidNpi(npi)) return fail('npi.check_digit', `NPI ${npi} fails its check digit`);
  return ok(npi);
}
