import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isValidNpi } from '@claimline/domain';

/** Why an NPI is refused, in words a practice owner understands (or null when it is valid). */
export function npiProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'NPI must be a string of 10 digits';
  if (!/^\d+$/.test(value)) return `NPI ${value} must contain digits only`;
  if (value.length !== 10) return `NPI ${value} must be 10 digits long`;
  if (value[0] !== '1' && value[0] !== '2') return `NPI ${value} must start with 1 or 2`;
  if (!isValidNpi(value)) return `NPI ${value} fails its check digit`;
  return null;
}

/** A National Provider Identifier whose check digit is right. */
export function IsNpi(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'npi',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => npiProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => npiProblem(args?.value) ?? 'invalid NPI',
      },
    });
}
