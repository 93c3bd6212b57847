import { fail, ok, type Result } from './result';

/**
 * Money is held as a whole number of cents. Amounts are parsed and printed by string
 * manipulation and only ever added or subtracted as integers, so no binary fraction (0.1 + 0.2)
 * can creep into a claim total.
 */
export type Cents = number;

const AMOUNT = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/** Parses "100.50", "100", "-0.5", ".5", "$1,234.50" into cents; refuses more than two decimals. */
export function parseMoney(input: string): Result<Cents> {
  const text = input.trim();
  if (text === '') return fail('money.missing', 'Amount is missing');
  const match = AMOUNT.exec(text.replace(/^\$-/, '-$'));
  if (!match || (match[2] === undefined && !match[3])) {
    return fail('money.format', `${text} is not an amount of money`);
  }
  const [, minus, whole = '0', fraction = ''] = match;
  if (fraction.length > 2) {
    return fail('money.precision', `${text} has more than two decimal places; amounts are in whole cents`);
  }
  const digits = `${whole.replace(/,/g, '')}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const cents = Number(digits);
  if (!Number.isSafeInteger(cents)) return fail('money.too_large', `${text} is too large an amount`);
  return ok(minus && cents !== 0 ? -cents : cents);
}

function assertCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of cents`);
  return value;
}

export function addCents(a: Cents, b: Cents): Cents {
  return assertCents(assertCents(a) + assertCents(b));
}

export function subtractCents(a: Cents, b: Cents): Cents {
  return assertCents(assertCents(a) - assertCents(b));
}

export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total = addCents(total, amount);
  return total;
}

/** Plain decimal with two places, as used in X12 and forms: `1234.50`, `-0.50`. */
export function centsToDecimalString(cents: Cents): string {
  assertCents(cents);
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** US dollars for people: `$1,234.50`, `-$0.50`. */
export function formatUsd(cents: Cents): string {
  const plain = centsToDecimalString(Math.abs(cents));
  const [whole, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${cents < 0 ? '-' : ''}$${grouped}.${fraction}`;
}
