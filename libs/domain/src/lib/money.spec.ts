import { addCents, centsToDecimalString, formatUsd, parseMoney, subtractCents, sumCents } from './money';

describe('parseMoney', () => {
  it.each([
    ['100.50', 10050],
    ['100', 10000],
    ['-0.5', -50],
    ['0.05', 5],
    ['.5', 50],
    ['100.', 10000],
    ['$1,234.50', 123450],
    ['-$12.00', -1200],
    ['$-12.00', -1200],
    ['1234567.89', 123456789],
    ['-0', 0],
    [' 7.1 ', 710],
  ])('reads %j as %d cents', (input, cents) => expect(parseMoney(input)).toEqual({ ok: true, value: cents }));

  it.each([
    ['100.505', 'money.precision'],
    ['0.001', 'money.precision'],
    ['', 'money.missing'],
    ['abc', 'money.format'],
    ['1,23.00', 'money.format'],
    ['1.2.3', 'money.format'],
    ['.', 'money.format'],
    ['-', 'money.format'],
    ['1e3', 'money.format'],
    ['99999999999999999', 'money.too_large'],
  ])('refuses %j with %s', (input, code) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].code).toBe(code);
  });

  it('explains the two-decimal rule', () =>
    expect(parseMoney('100.505')).toEqual({
      ok: false,
      problems: [
        {
          code: 'money.precision',
          message: '100.505 has more than two decimal places; amounts are in whole cents',
        },
      ],
    }));
});

describe('arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(addCents(10, 20)).toBe(30);
    expect(subtractCents(10050, 10000)).toBe(50);
    expect(sumCents([1, 2, 3, -6])).toBe(0);
    expect(sumCents([])).toBe(0);
  });

  it('refuses fractions of a cent', () => {
    expect(() => addCents(0.1, 0.2)).toThrow(RangeError);
    expect(() => centsToDecimalString(1.5)).toThrow(RangeError);
  });

  it('refuses totals beyond exact integers', () =>
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError));
});

describe('printing', () => {
  it.each([
    [0, '0.00', '$0.00'],
    [5, '0.05', '$0.05'],
    [-50, '-0.50', '-$0.50'],
    [10050, '100.50', '$100.50'],
    [123450, '1234.50', '$1,234.50'],
    [123456789, '1234567.89', '$1,234,567.89'],
  ])('%d cents is %s and %s', (cents, plain, usd) => {
    expect(centsToDecimalString(cents)).toBe(plain);
    expect(formatUsd(cents)).toBe(usd);
  });

  it('round-trips', () => {
    for (const text of ['0.01', '19.99', '-250.00', '1000000.10']) {
      const parsed = parseMoney(text);
      expect(parsed.ok && centsToDecimalString(parsed.value)).toBe(text);
    }
  });
});
