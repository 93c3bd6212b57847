import { formatCents, formatQuantity, parseCents } from './amount';
import { isValidNpi } from './npi';

describe('amounts', () => {
  it.each([
    ['100.50', 10050],
    ['100.5', 10050],
    ['100', 10000],
    ['.5', 50],
    ['-9.00', -900],
    ['0.05', 5],
    ['34.250', 3425],
    ['0', 0],
  ])('parses %s exactly', (text, cents) => expect(parseCents(text)).toBe(cents));

  it.each(['', '-', '1.234', 'abc', '1e5', '1.2.3'])('rejects %p', (text) =>
    expect(parseCents(text)).toBeUndefined(),
  );

  it.each([
    [10050, '100.5'],
    [10000, '100'],
    [5, '0.05'],
    [-900, '-9'],
    [12345, '123.45'],
    [0, '0'],
  ])('formats %d as %s', (cents, text) => expect(formatCents(cents)).toBe(text));

  it('refuses non-integer cents', () => expect(() => formatCents(1.5)).toThrow(RangeError));

  it('formats quantities', () => {
    expect(formatQuantity(1)).toBe('1');
    expect(formatQuantity(0.1 + 0.2)).toBe('0.3');
    expect(formatQuantity(1.25)).toBe('1.25');
  });
});

describe('isValidNpi', () => {
  it('accepts NPIs with a correct check digit', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1912301953')).toBe(true);
  });
  it('rejects bad check digits and shapes', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678AB')).toBe(false);
  });
});
