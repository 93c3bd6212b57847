/**
 * The one list of what never reaches a log line, shared by the gateway's request log and every
 * service's logger (docs/adr/0015-phi-minimisation.md): keys whose values are PHI (names, birth
 * dates, member and subscriber ids, SSN/tax ids, addresses, phone, e-mail, search terms) or secrets
 * (passwords, tokens, authorization, cookies). Keys are compared lower-case without `_`/`-`, and a
 * key that contains one of the entries (`subscriberFirstName`, `billingAddress`) counts.
 */
export const REDACTED_KEYS: readonly string[] = [
  'name',
  'birthdate',
  'dateofbirth',
  'memberid',
  'subscriberid',
  'groupnumber',
  'ssn',
  'taxid',
  'address',
  'line1',
  'line2',
  'street',
  'postalcode',
  'phone',
  'email',
  'search',
  'query',
  'password',
  'token',
  'secret',
  'authorization',
  'cookie',
  'body',
  'note',
];

/** Short keys that match only whole (as a part they are in too many words: `setting`, `being`). */
export const REDACTED_EXACT_KEYS: readonly string[] = [
  'q',
  'term',
  'key',
  'data',
  'dob',
  'tin',
  'ein',
  'city',
  'zip',
  'fax',
];
const EXACT_KEYS = new Set(REDACTED_EXACT_KEYS);

export const REDACTED = '[redacted]';

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Whether a key (of a body, a query string, a header, a log object) names PHI or a secret. */
export function isRedactedKey(key: string): boolean {
  const k = normalise(key);
  return EXACT_KEYS.has(k) || REDACTED_KEYS.some((entry) => k.includes(entry));
}

/**
 * A request's query for the log: its parameter names, each value replaced — paging numbers
 * (`limit`, `offset` and the like: digits only) are the one thing kept, since any other value may
 * be a name or an id someone typed.
 */
export function redactQuery(query: unknown): Record<string, string> | undefined {
  if (!query || typeof query !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const safeKey = /^[\w.-]{1,40}$/.test(key) ? key : '[key]';
    out[safeKey] =
      !isRedactedKey(key) && typeof value === 'string' && /^\d{1,6}$/.test(value) ? value : REDACTED;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A copy of a log object with the values of redacted keys replaced, at any depth (cycles cut). */
export function redactDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (!value || typeof value !== 'object') return value;
  if (value instanceof Error) return errorForLog(value);
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>))
    out[key] = isRedactedKey(key) ? REDACTED : redactDeep(v, seen);
  return out;
}

/**
 * Text from an error for a log: quoted values (`invalid input syntax for type uuid: "…"`),
 * `Key (column)=(value)` details and e-mail-like words are replaced, since database and parser
 * messages echo the input that failed.
 */
export function redactText(text: string): string {
  return text
    .replace(/"[^"\n]*"/g, `"${REDACTED}"`)
    .replace(/'[^'\n]*'/g, `'${REDACTED}'`)
    .replace(/`[^`\n]*`/g, `\`${REDACTED}\``)
    .replace(/=\([^)\n]*\)/g, `=(${REDACTED})`)
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, REDACTED);
}

/**
 * What of an unexpected error goes into a log: its class, its code, its message with values
 * replaced and its stack frames — never the request or the error's other properties (a TypeORM
 * QueryFailedError carries the query's parameters, an HTTP error the body).
 */
export function errorForLog(error: unknown): {
  type: string;
  code?: string;
  message: string;
  stack?: string;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: REDACTED };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return {
    type: error.constructor?.name ?? 'Error',
    ...(typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) && { code }),
    message: redactText(error.message),
    ...(frames && { stack: frames }),
  };
}
