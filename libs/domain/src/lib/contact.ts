import { fail, ok, type Result } from './result';

/**
 * US (NANP) phone number as 10 digits. Accepts `(555) 123-4567`, `555.123.4567`, `+1 555 123 4567`.
 * Only the area code's first digit (2–9) is checked: the exchange rule would refuse the 555-123-xxxx
 * numbers that are common in training and test data, and the payer never dials it.
 */
export function parsePhone(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return fail('phone.missing', 'Phone number is missing');
  if (!/^\+?[\d\s().-]+$/.test(text)) {
    return fail(
      'phone.characters',
      `Phone number ${text} may contain only digits, spaces, ( ) . - and a leading +`,
    );
  }
  let digits = text.replace(/\D/g, '');
  if (digits.length === 11 && digits[0] === '1') digits = digits.slice(1);
  else if (text.startsWith('+')) return fail('phone.country', `Phone number ${text} is not a US number (+1)`);
  if (digits.length !== 10) return fail('phone.length', `Phone number ${text} must have 10 digits`);
  if (digits[0] === '0' || digits[0] === '1') {
    return fail(
      'phone.area_code',
      `Phone number ${text} has an area code starting with ${digits[0]}, which does not exist`,
    );
  }
  return ok(digits);
}

/** `(555) 123-4567` from 10 digits. */
export function formatPhone(digits: string): string {
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/**
 * A basic e-mail check (one @, a dotted domain, no spaces), not RFC 5322: the real test is that
 * mail arrives. The domain is lower-cased; the part before @ is kept as typed.
 */
export function parseEmail(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return fail('email.missing', 'E-mail address is missing');
  const match = /^([^\s@]+)@([^\s@]+)$/.exec(text);
  const domain = match?.[2].toLowerCase();
  const label = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
  const labels = domain?.split('.') ?? [];
  const valid =
    match !== null &&
    text.length <= 254 &&
    match[1].length <= 64 &&
    !/^\.|\.\.|\.$/.test(match[1]) &&
    labels.length >= 2 &&
    labels.every((l) => label.test(l)) &&
    /^[a-z]{2,}$/.test(labels[labels.length - 1]);
  if (!valid || !match || !domain) return fail('email.format', `${text} is not an e-mail address`);
  return ok(`${match[1]}@${domain}`);
}
