import { Validators } from '@angular/forms';

/** The API's password rule: 12 to 256 characters. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const passwordValidators = [Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)];

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!';

/** A random password well above the minimum, from the browser's cryptographic generator. */
export function suggestPassword(length = 20): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
