import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE of a failed query, e.g. '23505' for a unique violation. */
export function pgErrorCode(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) return (error.driverError as { code?: string }).code;
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== '23505') return false;
  return (
    constraint === undefined ||
    ((error as QueryFailedError).driverError as { constraint?: string }).constraint === constraint
  );
}
