import { isValidNpi, npiCheckDigit, parseNpi } from './npi';

describe('isValidNpi', () => {
  it.each(['1234567893', '1245319599'])('accepts %s', (npi) => expect(isValidNpi(npi)).toBe(true));
  it.each(['1234567890', '3234567893', '123456789', 'abcdefghij', ''])('refuses %s', (npi) =>
    expect(isValidNpi(npi)).toBe(false),
  );
});

describe('npiCheckDigit', () => {
  it('computes the check digit of 123456789', () => expect(npiCheckDigit('123456789')).toBe(3));
});

describe('parseNpi', () => {
  it('accepts 1234567893', () => expect(parseNpi('1234567893')).toEqual({ ok: true, value: '1234567893' }));
  it('ignores surrounding spaces', () =>
    expect(parseNpi(' 1245319599 ')).toEqual({ ok: true, value: '1245319599' }));

  it.each([
    ['1234567890', 'npi.check_digit', 'NPI 1234567890 fails its check digit'],
    ['123456789', 'npi.length', 'NPI 123456789 must be 10 digits long; it has 9'],
    ['12345678931', 'npi.length', 'NPI 12345678931 must be 10 digits long; it has 11'],
    ['12345-6789', 'npi.non_digit', 'NPI 12345-6789 must contain digits only'],
    ['3234567893', 'npi.first_digit', 'NPI 3234567893 must start with 1 or 2'],
    ['  ', 'npi.missing', 'NPI is missing'],
  ])('refuses %s with %s', (input, code, message) =>
    expect(parseNpi(input)).toEqual({ ok: false, problems: [{ code, message }] }),
  );
});
