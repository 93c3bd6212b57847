import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import {
  isPoBox,
  parsePhone,
  parseTaxId,
  parseZipCode,
  TAX_ID_KINDS,
  type TaxIdKind,
} from '@claimline/domain';
import { checkTaxonomyCode, findPlaceOfService } from '@claimline/reference-data';

/**
 * class-validator decorators that wrap the rules of `@claimline/domain` and
 * `@claimline/reference-data`: each rule has one implementation, and the message a practice
 * owner reads is the one the rule gives.
 */
type Check = (value: unknown, object: object) => string | null;

function rule(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => check(value, args?.object ?? {}) === null,
        defaultMessage: (args?: ValidationArguments) =>
          check(args?.value, args?.object ?? {}) ?? `${name} is not valid`,
      },
    });
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Why a taxonomy code is refused (shape, then existence in the NUCC code set), or null. */
export function taxonomyCodeProblem(value: unknown): string | null {
  const code = text(value);
  if (code === null) return 'Taxonomy code must be text, e.g. 1041C0700X';
  const checked = checkTaxonomyCode(code);
  return checked.ok ? null : checked.problems[0].message;
}

/** A NUCC taxonomy code that exists in the code set (`1041C0700X`). */
export const IsTaxonomyCode = (options?: ValidationOptions) =>
  rule('taxonomy_code', (v) => taxonomyCodeProblem(v), options);

/** Why a Tax ID is refused for the given kind (EIN prefix; SSN area/group/serial; layout), or null. */
export function taxIdProblem(value: unknown, kind: unknown): string | null {
  const input = text(value);
  if (input === null) return 'Tax ID must be text, e.g. 12-3456789 or 123-45-6789';
  const k = (TAX_ID_KINDS as readonly unknown[]).includes(kind) ? (kind as TaxIdKind) : undefined;
  const parsed = parseTaxId(input, k);
  return parsed.ok ? null : parsed.problems.map((p) => p.message).join('; ');
}

/** A Tax ID of the kind named by the sibling property (default `kind`): EIN or SSN, dashes optional. */
export const IsTaxId = (kindProperty = 'kind', options?: ValidationOptions) =>
  rule('tax_id', (v, o) => taxIdProblem(v, (o as Record<string, unknown>)[kindProperty]), options);

/** Refuses PO boxes (and lock boxes, PMBs…) on lines that must be a street address. */
export const NotPoBox = (message: string, options?: ValidationOptions) =>
  rule('po_box', (v) => (typeof v === 'string' && isPoBox(v) ? message : null), options);

/** Why a ZIP+4 is refused (a claim's billing provider needs all nine digits), or null. */
export function zipPlus4Problem(value: unknown): string | null {
  const input = text(value);
  if (input === null) return 'ZIP code must be text, e.g. 78701-1234';
  const parsed = parseZipCode(input);
  if (!parsed.ok) return parsed.problems[0].message;
  return parsed.value.length === 10
    ? null
    : `ZIP code ${input.trim()} needs its last four digits (ZIP+4, e.g. ${parsed.value}-1234): payers require them on the billing address`;
}

export const IsZipPlus4 = (options?: ValidationOptions) =>
  rule('zip_plus4', (v) => zipPlus4Problem(v), options);

/** Why a place-of-service code is refused (not in the CMS code set), or null. */
export function placeOfServiceProblem(value: unknown): string | null {
  const code = text(value);
  if (code === null || !/^\d{2}$/.test(code))
    return 'Place of service must be a two-digit CMS code, e.g. 11 (office) or 02 / 10 (telehealth)';
  return findPlaceOfService(code) ? null : `Place of service ${code} is not in the CMS code set`;
}

export const IsPlaceOfService = (options?: ValidationOptions) =>
  rule('place_of_service', (v) => placeOfServiceProblem(v), options);

/** Why a US phone number is refused, or null. */
export function phoneProblem(value: unknown): string | null {
  const input = text(value);
  if (input === null) return 'Phone number must be text, e.g. (555) 123-4567';
  const parsed = parsePhone(input);
  return parsed.ok ? null : parsed.problems[0].message;
}

export const IsUsPhone = (options?: ValidationOptions) => rule('phone', (v) => phoneProblem(v), options);
