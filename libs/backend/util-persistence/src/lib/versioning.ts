import { RpcError } from '@claimline/backend/util-nats';

/**
 * Optimistic concurrency: the caller edited `expected`; anything else means someone saved in
 * between, and the caller must reload rather than overwrite it (409 with the current version).
 */
export function assertVersion(what: string, current: number, expected: number): void {
  if (current !== expected) {
    throw RpcError.conflict(
      `${what} was changed by someone else (you edited version ${expected}, the current version is ${current}); reload and try again`,
      { currentVersion: current },
    );
  }
}

/**
 * Names of the keys in `changes` whose value differs from `current`. A key left out of `changes`
 * (undefined) is not a change. Values compare as their JSON would, at any depth, except that a
 * missing value equals `null` and object keys compare whatever their order: an update that sends
 * back what is stored — with an optional field left out, or an address written in another order —
 * changes nothing and raises no version.
 */
export function changedFields(current: Record<string, unknown>, changes: Record<string, unknown>): string[] {
  return Object.keys(changes).filter((k) => changes[k] !== undefined && !sameValue(current[k], changes[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  const x = jsonValue(a);
  const y = jsonValue(b);
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameValue(v, y[i]))
    );
  }
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  return [...new Set([...Object.keys(xs), ...Object.keys(ys)])].every((k) => sameValue(xs[k], ys[k]));
}

/** What JSON would hold: `toJSON()` applied (dates become ISO strings), undefined as null. */
function jsonValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return (v as { toJSON: () => unknown }).toJSON();
  }
  return v;
}

/** `value` matched literally by `LIKE` (with the default backslash escape): `%`, `_` and `\` escaped. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
