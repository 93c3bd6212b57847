import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score 3: about 10^8 guesses or more, out of reach of online guessing and costly offline. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

// Built on first use: the dictionaries (common passwords, names, English words) take a moment to load.
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/**
 * The one password policy (user creation, password change, the bootstrap administrator): at
 * least 12 characters, not only spaces, not the account's e-mail or its name part with a few
 * characters added, and not guessable — common and breached passwords, keyboard walks, dates
 * and words built from the e-mail score below 3 with zxcvbn. Returns why it is refused, or null.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.trim() === '') return 'password must not be only spaces';
  if (password.length < PASSWORD_MIN_LENGTH)
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0];
  const lower = password.toLowerCase();
  // The name part plus a few characters is guessable; plus a long random rest it is not.
  const rest = local.length >= 3 ? lower.split(local).join('') : lower;
  if (lower.includes(address) || rest.trim().length < 8)
    return 'password must not be the e-mail address or its name part with a few characters added';
  const result = zxcvbn().check(password, [address, local, ...local.split(/[._+-]+/)]);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
  return `password is too easy to guess${warning}: avoid common or breached passwords, names, dates and keyboard patterns; a phrase of four or more unrelated words works well`;
}
