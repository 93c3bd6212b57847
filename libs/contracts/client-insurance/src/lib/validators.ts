import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { parseMemberId, parsePhone } from '@claimline/domain';

/** Why a calendar date (`YYYY-MM-DD`) is refused, or null when it is a real date. */
export function calendarDateProblem(value: unknown, label = 'Date'): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${label} must be a date written YYYY-MM-DD`;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
    return `${label} ${value} is not a real calendar date`;
  }
  return null;
}

function decorator(
  name: string,
  problem: (value: unknown, property: string) => string | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => problem(value, propertyName as string) === null,
        defaultMessage: (args?: ValidationArguments) =>
          problem(args?.value, args?.property ?? String(propertyName)) ?? `invalid ${name}`,
      },
    });
}

/** A date without time (birth dates, coverage and authorization dates), `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return decorator('date', (value, property) => calendarDateProblem(value, property), options);
}

/** A member ID that `parseMemberId` accepts (spaces and dashes are allowed on input and removed). */
export function IsMemberId(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'member_id',
    (value) => {
      if (typeof value !== 'string') return 'memberId must be text';
      const result = parseMemberId(value);
      return result.ok ? null : result.problems[0].message;
    },
    options,
  );
}

/** A US phone number that `parsePhone` accepts; stored as 10 digits. */
export function IsUsPhone(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'phone',
    (value) => {
      if (typeof value !== 'string') return 'phone must be text';
      const result = parsePhone(value);
      return result.ok ? null : result.problems[0].message;
    },
    options,
  );
}

/** Why a payer-ID map (clearinghouse → payer ID, with a `default` entry) is refused, or null. */
export function payerIdsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'payerIds must list the payer ID per clearinghouse, e.g. { "default": "60054" }';
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.some(([k]) => k === 'default'))
    return 'payerIds must have a "default" entry (the payer ID our clearinghouse uses)';
  for (const [clearinghouse, id] of entries) {
    if (!/^[a-z0-9_-]{1,40}$/.test(clearinghouse))
      return `payerIds: "${clearinghouse}" is not a clearinghouse name (lower-case letters, digits, - and _)`;
    if (typeof id !== 'string' || !/^[A-Za-z0-9]{2,15}$/.test(id)) {
      return `payerIds.${clearinghouse} must be 2 to 15 letters or digits (most payer IDs have 5)`;
    }
  }
  return null;
}

export function IsPayerIds(options?: ValidationOptions): PropertyDecorator {
  return decorator('payer_ids', (value) => payerIdsProblem(value), options);
}
