/** One thing wrong with an input, in words a practice owner understands. */
export interface Problem {
  /** Stable, dotted identifier for programs and tests, e.g. `npi.check_digit`. */
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, problems: [{ code, message }] };
}

export function failAll<T = never>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
