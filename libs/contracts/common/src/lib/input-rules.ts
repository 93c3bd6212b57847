import { getMetadataStorage } from 'class-validator';

/**
 * Rules every input obeys, whatever contract class it is validated with (ADR 0013). The
 * validation pipes (gateway and services) apply them to every string of every body, query and
 * RPC payload, so a new field cannot be left out; the only per-field choice is `@MultiLine()`.
 */

/** Where a value breaks a rule: `field` is a dotted path (`address.line1`, `aliases.0`). */
export interface InputProblem {
  field: string;
  rule: string;
  message: string;
}

export interface JsonShapeLimits {
  /** Objects and arrays nested in one another. */
  maxDepth: number;
  /** Keys of one object. */
  maxKeys: number;
  /** Items of one array. */
  maxItems: number;
  /** Values of the whole document (every object, array and scalar). */
  maxValues: number;
}

export const JSON_SHAPE_LIMITS: JsonShapeLimits = {
  maxDepth: 32,
  maxKeys: 500,
  maxItems: 10_000,
  maxValues: 100_000,
};

const pathOf = (segments: string[]): string =>
  segments.length > 8 ? `${segments.slice(0, 8).join('.')}…` : segments.join('.');

/**
 * The first limit a parsed JSON value exceeds, or null. Iterative, so a document nested far
 * deeper than the limit is measured without using the stack that class-transformer would overflow.
 */
export function jsonShapeProblem(
  value: unknown,
  limits: JsonShapeLimits = JSON_SHAPE_LIMITS,
): InputProblem | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  let count = 0;
  while (pending.length > 0) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string[] };
    if (++count > limits.maxValues)
      return {
        field: pathOf(path),
        rule: 'max_values',
        message: `the document has more than ${limits.maxValues} values`,
      };
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= limits.maxDepth)
      return {
        field: pathOf(path),
        rule: 'max_depth',
        message: `objects and arrays are nested deeper than ${limits.maxDepth} levels`,
      };
    if (Array.isArray(current)) {
      if (current.length > limits.maxItems)
        return {
          field: pathOf(path),
          rule: 'max_items',
          message: `an array has more than ${limits.maxItems} items`,
        };
      current.forEach((item, i) => pending.push({ value: item, path: [...path, String(i)] }));
    } else {
      const keys = Object.keys(current);
      if (keys.length > limits.maxKeys)
        return {
          field: pathOf(path),
          rule: 'max_keys',
          message: `an object has more than ${limits.maxKeys} keys`,
        };
      for (const key of keys)
        pending.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

const multiLineFields = new WeakMap<object, Set<string>>();

/** A free-text field that may hold tabs and line breaks (and bidirectional isolates, as prose may). */
export function MultiLine(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    const own = multiLineFields.get(target.constructor) ?? new Set<string>();
    own.add(String(property));
    multiLineFields.set(target.constructor, own);
  };
}

function isMultiLine(ctor: unknown, property: string): boolean {
  for (let c = ctor; typeof c === 'function' && c !== Object; c = Object.getPrototypeOf(c)) {
    if (multiLineFields.get(c)?.has(property)) return true;
  }
  return false;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Why a text value is refused, or null: NUL (PostgreSQL refuses it), a lone surrogate (not
 * encodable as UTF-8), C0/C1 controls and ANSI escapes (tab and line breaks only in multi-line
 * fields), bidirectional overrides/isolates (which make a name display as something else) outside
 * multi-line text, and a value of only white space.
 */
export function textProblem(value: string, field: string, multiLine = false): InputProblem | null {
  if (value.includes('\u0000'))
    return { field, rule: 'no_nul', message: `${field} must not contain a NUL character` };
  if (LONE_SURROGATE.test(value))
    return {
      field,
      rule: 'well_formed_unicode',
      message: `${field} must be well-formed Unicode (it contains a lone surrogate)`,
    };
  if ((multiLine ? CONTROL_BUT_LINES : CONTROL).test(value))
    return {
      field,
      rule: 'no_control_characters',
      message: multiLine
        ? `${field} must not contain control characters other than tabs and line breaks`
        : `${field} must not contain control characters (line breaks, tabs, escape sequences)`,
    };
  if (!multiLine && BIDI_CONTROL.test(value))
    return {
      field,
      rule: 'no_bidi_controls',
      message: `${field} must not contain bidirectional override or isolate characters`,
    };
  if (value.length > 0 && value.trim() === '')
    return { field, rule: 'not_blank', message: `${field} must not be only white space` };
  return null;
}

/** Every string of a (transformed) payload that breaks the text rule, walked with its classes. */
export function hostileTextProblems(value: unknown, parent = '', multiLine = false): InputProblem[] {
  if (typeof value === 'string') {
    const problem = textProblem(value, parent || 'value', multiLine);
    return problem ? [problem] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      hostileTextProblems(item, parent ? `${parent}.${i}` : String(i), multiLine),
    );
  const ctor = (value as { constructor?: unknown }).constructor;
  return Object.keys(value).flatMap((key) =>
    hostileTextProblems(
      (value as Record<string, unknown>)[key],
      parent ? `${parent}.${key}` : key,
      isMultiLine(ctor, key),
    ),
  );
}

/**
 * `null` where the contract does not allow it. An optional field (`@IsOptional()`) may be left
 * out, but only a field that also says `@ValidateIf((_, v) => v !== null)` may be null: anything
 * else would reach a service as a null it does not expect (a `trim` of null, a not-null violation).
 */
export function unexpectedNullProblems(value: unknown, parent = ''): InputProblem[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => unexpectedNullProblems(item, parent ? `${parent}.${i}` : String(i)));
  const ctor = (value as { constructor?: unknown }).constructor;
  const metadata =
    typeof ctor === 'function' && ctor !== Object
      ? getMetadataStorage().getTargetValidationMetadatas(ctor, '', false, false)
      : [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    const v = (value as Record<string, unknown>)[key];
    if (v !== null) return unexpectedNullProblems(v, field);
    const conditions = metadata.filter((m) => m.propertyName === key && m.type === 'conditionalValidation');
    const optional = conditions.some((m) => m.name === 'isOptional');
    const nullable = conditions.some(
      (m) =>
        m.name !== 'isOptional' &&
        (m.constraints[0] as (o: object, v: unknown) => boolean)({ ...value, [key]: null }, null) === false,
    );
    return optional && !nullable
      ? [{ field, rule: 'not_null', message: `${field} must not be null (leave it out to keep it)` }]
      : [];
  });
}
