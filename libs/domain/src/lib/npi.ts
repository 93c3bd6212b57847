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
