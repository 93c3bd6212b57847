import { isValidNpi } from './npi';

describe('isValidNpi', () => {
  it.each(['1234567893', '1245319599'])('accepts %s', (npi) => expect(isValidNpi(npi)).toBe(true));
  it.each(['1234567890', '3234567893', '123456789', 'abcdefghij', ''])('refuses %s', (npi) =>
    expect(isValidNpi(npi)).toBe(false),
  );
});
