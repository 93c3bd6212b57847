import { RpcError } from '@claimline/backend/util-nats';

export function assertVersion(what: string, current: number, expected: number): void {
  if (current !== expected) {
    throw RpcError.conflict(
      `${what} was changed by someone else (you edited version ${expected}, the current version is ${current}); reload and try again`,
      { currentVersion: current },
    );
  }
}

/** Names of the keys in `changes` whose value differs from `current` (deep for nested objects). */
export function changedFields(current: Record<string, unknown>, changes: Record<string, unknown>): string[] {
  return Object.keys(changes).filter(
    (k) => changes[k] !== undefined && JSON.stringify(changes[k]) !== JSON.stringify(current[k] ?? null),
  );
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Today's date (UTC) as `YYYY-MM-DD`; rules take it as an argument so tests pick the day. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
